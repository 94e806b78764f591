package com.drivenow.gateway.guards;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Set;

/**
 * CORS for the web origins of {@code cors.origins}: answers preflights itself (before authentication,
 * since browsers send them without credentials) and marks real responses readable by those origins.
 * Other origins get no CORS headers, so browsers keep them out.
 */
public final class CorsFilter implements Filter {

    private static final HeaderName REQUEST_METHOD = HeaderNames.create("Access-Control-Request-Method");
    private static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, If-Match, Idempotency-Key, X-Api-Key, X-Request-Id, Last-Event-ID";
    private static final String EXPOSED_HEADERS = "Location, ETag, Retry-After, X-Request-Id";

    private final Set<String> origins;

    public CorsFilter(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin == null || !origins.contains(origin)) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        res.header(HeaderNames.VARY, "Origin");
        if (Method.OPTIONS.equals(req.prologue().method()) && req.headers().contains(REQUEST_METHOD)) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        chain.proceed();
    }
}
