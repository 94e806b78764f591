package com.drivenow.gateway.auth;

import com.drivenow.platform.web.ProblemException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import com.drivenow.platform.web.ProblemResponses;

/** A 401: no or bad credentials. Answered with a {@code WWW-Authenticate} challenge (RFC 9110). */
public final class Unauthenticated extends ProblemException {

    static final String CHALLENGE = "Bearer realm=\"drivenow\"";

    public Unauthenticated(String detail) {
        super(Status.UNAUTHORIZED_401, "Unauthorized", detail);
    }

    /** Registers the answer; call before {@code ProblemHandlers.install}. */
    public static HttpRouting.Builder install(HttpRouting.Builder routing) {
        return routing.error(Unauthenticated.class, Unauthenticated::answer);
    }

    private static void answer(ServerRequest req, ServerResponse res, Unauthenticated e) {
        res.header(HeaderNames.WWW_AUTHENTICATE, CHALLENGE);
        ProblemResponses.send(req, res, e);
    }
}
