package com.drivenow.bench.fault;

import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.system.Instance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A desk's live view on one gateway: follows {@code GET /api/v1/events} and notes every booking
 * change it is shown (booking and status). When the stream ends (the gateway stopped or was
 * killed) it connects to the same gateway again with {@code Last-Event-ID}, as the desk does;
 * {@link #dropAndResume()} cuts the stream on purpose to show that a resume misses nothing.
 */
final class LiveEventWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

    private final Instance gateway;
    private final URI events;
    private final ApiClient desk;
    private final Set<String> bookingChanges = ConcurrentHashMap.newKeySet();
    private final AtomicLong carChanges = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private volatile String lastEventId;
    private volatile InputStream stream;
    private volatile boolean running = true;
    private final Thread thread;

    LiveEventWatcher(Instance gateway, URI gatewayUrl, ApiClient desk) {
        this.gateway = gateway;
        this.events = gatewayUrl.resolve("/api/v1/events");
        this.desk = desk;
        this.thread = Thread.ofVirtual().name("live-" + gateway.name()).start(this::follow);
    }

    private void follow() {
        while (running) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream");
                desk.headers().forEach(request::header);
                String resumeFrom = lastEventId;
                if (resumeFrom != null) {
                    request.header("Last-Event-ID", resumeFrom);
                }
                HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                } else {
                    stream = response.body();
                    read(response.body(), resumeFrom != null);
                }
            } catch (IOException e) {
                // the gateway is away: connect again shortly
            } catch (InterruptedException e) {
                return;
            }
            pause();
        }
    }

    private void read(InputStream body, boolean resumed) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (running && (line = lines.readLine()) != null) {
                if (line.startsWith(": connected")) {
                    // The gateway has subscribed this stream to its hub: from here on it sees every change.
                    connections.incrementAndGet();
                    if (resumed) {
                        resumes.incrementAndGet();
                    }
                } else if (line.isEmpty()) {
                    if (type != null) {
                        accept(type, data.toString());
                    }
                    if (id != null) {
                        lastEventId = id;
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        }
    }

    private void accept(String type, String data) throws IOException {
        if (type.equals("booking.changed")) {
            JsonNode booking = JSON.readTree(data);
            bookingChanges.add(key(booking.path("id").asText(), booking.path("status").asText()));
        } else if (type.equals("car.changed")) {
            carChanges.incrementAndGet();
        }
    }

    static String key(Object bookingId, String status) {
        return bookingId + "/" + status;
    }

    /** Waits until the first stream is open (so the desk sees the run's changes from the first). */
    void awaitConnected(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (connections.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no live-event stream from " + gateway + " within " + patience);
            }
            pause();
        }
    }

    /**
     * Cuts the stream once it has shown an event (a cursor to resume from, waiting at most a few
     * seconds for one); the watcher connects again with the last id it saw.
     */
    void dropAndResume() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lastEventId == null && System.nanoTime() < deadline) {
            pause();
        }
        if (lastEventId == null) {
            return;
        }
        cut();
    }

    private void cut() {
        InputStream current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // it is being cut anyway
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    Instance gateway() {
        return gateway;
    }

    boolean saw(String key) {
        return bookingChanges.contains(key);
    }

    long bookingChangesSeen() {
        return bookingChanges.size();
    }

    long carChangesSeen() {
        return carChanges.get();
    }

    long connections() {
        return connections.get();
    }

    long resumes() {
        return resumes.get();
    }

    @Override
    public void close() {
        running = false;
        cut();
        thread.interrupt();
    }
}
