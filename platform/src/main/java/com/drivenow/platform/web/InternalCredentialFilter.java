package com.drivenow.platform.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Lets through only callers that present the internal credential (the gateway and the other
 * server): the servers never face the world. Health, metrics and the OpenAPI document stay open so
 * that orchestrators and monitors can reach them.
 */
public final class InternalCredentialFilter implements Filter {

    public static final HeaderName HEADER = HeaderNames.create("X-Internal-Token");
    private static final Set<String> OPEN_PATHS = Set.of("/health", "/health/live", "/health/ready",
            "/metrics", "/api/v1/openapi");

    private final byte[] expected;

    public InternalCredentialFilter(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The internal credential (security.internal-token) must be set");
        }
        this.expected = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().absolute().path();
        if (OPEN_PATHS.contains(path) || presentsCredential(req)) {
            chain.proceed();
            return;
        }
        ProblemResponses.send(req, res, Status.UNAUTHORIZED_401, "Unauthorized",
                "This service only answers the DriveNow gateway and its sibling servers; call it through the gateway.",
                List.of());
    }

    private boolean presentsCredential(RoutingRequest req) {
        return req.headers().first(HEADER)
                .map(v -> MessageDigest.isEqual(expected, v.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
