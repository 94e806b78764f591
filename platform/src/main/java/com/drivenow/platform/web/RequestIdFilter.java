package com.drivenow.platform.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** Gives every request an id (the caller's {@code X-Request-Id} when sane), echoed in the response. */
public final class RequestIdFilter implements Filter {

    public static final HeaderName HEADER = HeaderNames.create(RequestIds.HEADER);

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String requestId = RequestIds.acceptOrCreate(req.headers().first(HEADER).orElse(null));
        res.header(HEADER, requestId);
        RequestIds.runWith(requestId, chain::proceed);
    }
}
