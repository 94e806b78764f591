package com.drivenow.gateway.support;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A connected SSE client: collects the stream's events (and comments) as they arrive. */
public final class SseReader implements AutoCloseable {

    public record Event(String id, String type, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final int status;

    public SseReader(Http http, String credentialHeader, String credential, String lastEventId) {
        HttpRequest.Builder request = http.request("/api/v1/events").timeout(Duration.ofMinutes(2))
                .header(credentialHeader, credential).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> res = http.client().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            this.status = res.statusCode();
            this.lines = res.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().start(this::read);
    }

    private void read() {
        Map<String, String> fields = new HashMap<>();
        try {
            lines.forEach(line -> {
                if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.isEmpty()) {
                    if (fields.containsKey("event")) {
                        events.add(new Event(fields.get("id"), fields.get("event"), fields.get("data")));
                    }
                    fields.clear();
                } else {
                    int colon = line.indexOf(':');
                    fields.put(line.substring(0, colon), line.substring(colon + 1).stripLeading());
                }
            });
        } catch (RuntimeException e) {
            // closed by the test or by the server
        }
    }

    public int status() {
        return status;
    }

    public Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String nextComment(Duration wait) throws InterruptedException {
        return comments.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        lines.close();
    }
}
