package com.drivenow.gateway.auth;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Establishes who calls before the guards run; refuses nothing itself, because only the routes know
 * whether they are open (login, OpenAPI) or protected ({@link AccessGuard}).
 */
public final class AuthenticationFilter implements Filter {

    private final Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        req.context().register(authenticator.identify(req.headers()));
        chain.proceed();
    }
}
