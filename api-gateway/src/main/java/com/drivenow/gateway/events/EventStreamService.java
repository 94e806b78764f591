package com.drivenow.gateway.events;

import com.drivenow.gateway.auth.AccessGuard;
import com.drivenow.gateway.auth.Principal;
import com.drivenow.gateway.auth.Role;
import com.drivenow.platform.web.ProblemException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/events}: the live changes as Server-Sent Events. Desk users see everything; an
 * integration sees car changes and changes of the bookings it created, nothing of other callers'.
 * A comment line every heartbeat keeps idle proxies from cutting the stream.
 */
public final class EventStreamService implements HttpService {

    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    private final LiveEventHub hub;
    private final Duration heartbeat;

    public EventStreamService(LiveEventHub hub, Duration heartbeat) {
        this.hub = hub;
        this.heartbeat = heartbeat;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        Principal caller = AccessGuard.require(req, EnumSet.allOf(Role.class));
        Long lastEventId = lastEventId(req);
        Subscription subscription = hub.subscribe(visibleTo(caller), lastEventId);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            write(out, ": connected\n\n");
            while (true) {
                LiveEvent event = subscription.next(heartbeat);
                write(out, event == null ? ": heartbeat\n\n" : event.toSse());
            }
        } catch (Subscription.EndedException | UncheckedIOException | IOException e) {
            // The client went away, was too slow, or the gateway is stopping: the stream just ends.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unsubscribe(subscription);
        }
    }

    private static Predicate<LiveEvent> visibleTo(Principal caller) {
        if (!caller.integration()) {
            return event -> true;
        }
        return event -> LiveEvent.CAR_CHANGED.equals(event.type())
                || Objects.equals(caller.id(), event.bookingOwner());
    }

    private static Long lastEventId(ServerRequest req) {
        String value = req.headers().first(LAST_EVENT_ID).orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID must be an id this stream sent, got '" + value + "'.");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
