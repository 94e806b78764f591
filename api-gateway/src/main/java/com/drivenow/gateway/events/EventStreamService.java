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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/events}: the live changes as Server-Sent Events. Desk users see everything; an
 * integration sees car changes and changes of the bookings it created, nothing of other callers'.
 * A comment line every heartbeat keeps idle proxies from cutting the stream. A desk user's stream ends
 * when the access token expires, and at the next heartbeat once its session is signed out or the
 * account changed: the desk renews its token and resumes with Last-Event-ID. Streams are capped per
 * caller and in all ({@link StreamCaps}).
 */
public final class EventStreamService implements HttpService {

    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    private static final Duration NEVER = Duration.ofDays(36_500);

    private final LiveEventHub hub;
    private final Duration heartbeat;
    private final StreamCaps caps;
    private final Predicate<Principal> stillValid;
    private final Clock clock;

    public EventStreamService(LiveEventHub hub, Duration heartbeat, StreamCaps caps, Predicate<Principal> stillValid,
                              Clock clock) {
        this.hub = hub;
        this.heartbeat = heartbeat;
        this.caps = caps;
        this.stillValid = stillValid;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        Principal caller = AccessGuard.require(req, EnumSet.allOf(Role.class));
        Long lastEventId = lastEventId(req);
        String capKey = (caller.integration() ? "key:" : "user:") + caller.id();
        caps.acquire(capKey);
        Subscription subscription = null;
        try (OutputStream out = startStream(res)) {
            subscription = hub.subscribe(visibleTo(caller), lastEventId);
            write(out, ": connected\n\n");
            Instant nextCheck = clock.instant().plus(heartbeat);
            while (true) {
                Duration left = untilExpiry(caller);
                Instant now = clock.instant();
                boolean checkDue = !now.isBefore(nextCheck);
                if (!left.isPositive() || checkDue && !stillValid.test(caller)) {
                    write(out, ": session ended; renew the token and resume with Last-Event-ID\n\n");
                    return;
                }
                if (checkDue) {
                    nextCheck = now.plus(heartbeat);
                }
                LiveEvent event = subscription.next(left.compareTo(heartbeat) < 0 ? left : heartbeat);
                write(out, event != null ? event.toSse() : ": heartbeat\n\n");
            }
        } catch (Subscription.EndedException | UncheckedIOException | IOException e) {
            // The client went away, was too slow, or the gateway is stopping: the stream just ends.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (subscription != null) {
                hub.unsubscribe(subscription);
            }
            caps.release(capKey);
        }
    }

    private static OutputStream startStream(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        return res.outputStream();
    }

    /** How long the caller's access token still lives; API keys do not expire. */
    private Duration untilExpiry(Principal caller) {
        return caller.expiresAt() == null ? NEVER : Duration.between(clock.instant(), caller.expiresAt());
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
