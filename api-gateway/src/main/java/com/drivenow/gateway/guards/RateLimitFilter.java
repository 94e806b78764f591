package com.drivenow.gateway.guards;

import com.drivenow.gateway.auth.Identity;
import com.drivenow.platform.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.OptionalLong;

/**
 * 429 with {@code Retry-After} for a caller over its limit: authenticated callers per user or API key,
 * everyone else (login, bad credentials) per client address under a tighter policy.
 */
public final class RateLimitFilter implements Filter {

    private final RateLimiter callers;
    private final RateLimiter anonymous;

    public RateLimitFilter(RateLimiter callers, RateLimiter anonymous) {
        this.callers = callers;
        this.anonymous = anonymous;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Identity identity = req.context().get(Identity.class).orElse(Identity.ANONYMOUS);
        OptionalLong wait = identity.known()
                .map(p -> callers.tryAcquire((p.integration() ? "key:" : "user:") + p.id()))
                .orElseGet(() -> anonymous.tryAcquire("ip:" + address(req.remotePeer().address())));
        if (wait.isEmpty()) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(wait.getAsLong()));
        ProblemResponses.send(req, res, Status.TOO_MANY_REQUESTS_429, "Too many requests",
                "Rate limit reached; retry after " + wait.getAsLong() + " s.", List.of());
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
