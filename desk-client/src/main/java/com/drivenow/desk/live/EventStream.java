package com.drivenow.desk.live;

import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.GatewayException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps the gateway's SSE stream open on a virtual thread: parses events, resumes after a drop with
 * Last-Event-ID, waits with exponential back-off between attempts and publishes its state. When the
 * gateway ends the stream because the access token expired, it reconnects at once (the client renews
 * the token) and the state never shows the stream down.
 * State changes and events are handed to {@code uiThread} (Platform::runLater in the app).
 */
public final class EventStream implements AutoCloseable {

    /** The gateway's last line when a stream ends with its access token. */
    static final String SESSION_ENDED = ": session ended";
    private static final java.time.Duration MIN_RESUMED_LIFE = java.time.Duration.ofSeconds(1);

    private final GatewayClient gateway;
    private final Consumer<SseEvent> onEvent;
    private final Executor uiThread;
    private final Backoff backoff;
    private final ReadOnlyObjectWrapper<StreamState> state = new ReadOnlyObjectWrapper<>(StreamState.stopped());
    private final SseParser parser = new SseParser();
    private volatile boolean running;
    private volatile Thread reader;
    private volatile Stream<String> openLines;
    private volatile boolean sessionEnded;

    public EventStream(GatewayClient gateway, Consumer<SseEvent> onEvent, Executor uiThread, Backoff backoff) {
        this.gateway = gateway;
        this.onEvent = onEvent;
        this.uiThread = uiThread;
        this.backoff = backoff;
    }

    public ReadOnlyObjectProperty<StreamState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The cursor a reconnect sends back; null before the first event with an id. */
    public String lastEventId() {
        return parser.lastId();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        reader = Thread.ofVirtual().name("desk-event-stream").start(this::readUntilClosed);
    }

    @Override
    public synchronized void close() {
        running = false;
        Stream<String> lines = openLines;
        if (lines != null) {
            lines.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
        publish(StreamState.stopped());
    }

    private void readUntilClosed() {
        boolean resuming = false;
        boolean endedQuickly = false;
        while (running) {
            if (!resuming) {
                publish(StreamState.connecting());
            }
            String why;
            try {
                HttpResponse<Stream<String>> response = gateway.openEvents(parser.lastId());
                if (!resuming) {
                    publish(StreamState.live());
                }
                backoff.reset();
                long opened = System.nanoTime();
                readEvents(response.body());
                // Ended with its access token: reconnect at once, renewed, and stay "live". Two such
                // streams in a row that end at once are not renewals but a fault, and wait like any other.
                boolean quick = System.nanoTime() - opened < MIN_RESUMED_LIFE.toNanos();
                resuming = sessionEnded && !(quick && endedQuickly);
                endedQuickly = sessionEnded && quick;
                if (resuming) {
                    continue;
                }
                why = "The live stream ended.";
            } catch (GatewayException e) {
                why = e.getMessage();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                why = "The live stream broke off.";
            }
            resuming = false;
            endedQuickly = false;
            if (!running) {
                return;
            }
            long delay = backoff.nextDelayMillis();
            publish(StreamState.down(why, delay));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readEvents(Stream<String> lines) {
        openLines = lines;
        sessionEnded = false;
        try (lines) {
            Iterator<String> it = lines.iterator();
            while (running && it.hasNext()) {
                String line = it.next();
                if (line.startsWith(SESSION_ENDED)) {
                    sessionEnded = true;
                }
                parser.accept(line).ifPresent(event -> uiThread.execute(() -> onEvent.accept(event)));
            }
        } finally {
            openLines = null;
            parser.reset();
        }
    }

    private void publish(StreamState next) {
        uiThread.execute(() -> state.set(next));
    }
}
