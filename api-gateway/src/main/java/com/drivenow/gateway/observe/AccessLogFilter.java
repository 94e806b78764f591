package com.drivenow.gateway.observe;

import com.drivenow.gateway.auth.Identity;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger.Level;

/** One line per request (the request id comes from the MDC): caller, method, path, status, duration. */
public final class AccessLogFilter implements Filter {

    private static final System.Logger ACCESS = System.getLogger("com.drivenow.gateway.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            String caller = req.context().get(Identity.class).map(Identity::label).orElse("-");
            ACCESS.log(Level.INFO, "{0} {1} {2} {3} {4}ms", caller, req.prologue().method().text(),
                    req.path().absolute().path(), String.valueOf(res.status().code()),
                    String.valueOf((System.nanoTime() - started) / 1_000_000));
        }
    }
}
