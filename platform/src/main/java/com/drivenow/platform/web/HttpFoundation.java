package com.drivenow.platform.web;

import io.helidon.webserver.http.HttpRouting;

/**
 * What every DriveNow server's routing starts with: request ids first (so even a refused call has
 * one), then the internal credential. Routes come after; {@link ProblemHandlers#install} last.
 */
public final class HttpFoundation {

    private HttpFoundation() {
    }

    public static HttpRouting.Builder internalService(HttpRouting.Builder routing, String internalToken) {
        return routing
                .addFilter(new RequestIdFilter())
                .addFilter(new InternalCredentialFilter(internalToken));
    }
}
