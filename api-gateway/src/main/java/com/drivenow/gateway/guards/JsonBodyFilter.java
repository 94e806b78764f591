package com.drivenow.gateway.guards;

import com.drivenow.platform.web.JsonBodies;
import com.drivenow.platform.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
import java.util.Set;

/** 415 for a POST, PUT or PATCH body that is not JSON: every body of the public API is JSON. */
public final class JsonBodyFilter implements Filter {

    private static final Set<Method> WITH_BODY = Set.of(Method.POST, Method.PUT, Method.PATCH);

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!WITH_BODY.contains(req.prologue().method()) || !req.content().hasEntity() || isJson(req)) {
            chain.proceed();
            return;
        }
        ProblemResponses.send(req, res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported media type",
                "Send the body as 'Content-Type: application/json'.", List.of());
    }

    private static boolean isJson(RoutingRequest req) {
        return req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(value -> {
                    try {
                        return JsonBodies.isJson(HttpMediaType.create(value));
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .orElse(false);
    }
}
