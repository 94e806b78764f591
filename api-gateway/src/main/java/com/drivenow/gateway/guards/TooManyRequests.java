package com.drivenow.gateway.guards;

import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** A 429 thrown from a handler, answered with {@code Retry-After}. */
public final class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String title, String detail, long retryAfterSeconds) {
        super(Status.TOO_MANY_REQUESTS_429, title, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Registers the answer; call before {@code ProblemHandlers.install}. */
    public static HttpRouting.Builder install(HttpRouting.Builder routing) {
        return routing.error(TooManyRequests.class, TooManyRequests::answer);
    }

    private static void answer(ServerRequest req, ServerResponse res, TooManyRequests e) {
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        ProblemResponses.send(req, res, e);
    }
}
