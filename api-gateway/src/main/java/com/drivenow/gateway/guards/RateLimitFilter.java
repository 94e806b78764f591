package com.drivenow.gateway.guards;

import com.drivenow.gateway.auth.Identity;
import com.drivenow.platform.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
import java.util.OptionalLong;

/**
 * 429 with {@code Retry-After} for a caller over its limit: authenticated callers per user or API key,
 * everyone else per client address under a tighter policy. Sign-in calls (login, refresh) are always
 * charged to their address's sign-in bucket, whatever credentials they also carry, so a valid key
 * does not buy a password guesser a bigger budget.
 */
public final class RateLimitFilter implements Filter {

    private static final String AUTH_PATH = "/api/v1/auth/";

    private final RateLimiter callers;
    private final RateLimiter anonymous;
    private final RateLimiter signIns;
    private final ClientAddress addresses;

    public RateLimitFilter(RateLimiter callers, RateLimiter anonymous, RateLimiter signIns, ClientAddress addresses) {
        this.callers = callers;
        this.anonymous = anonymous;
        this.signIns = signIns;
        this.addresses = addresses;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        OptionalLong wait;
        if (isSignIn(req)) {
            wait = signIns.tryAcquire("ip:" + addresses.of(req));
        } else {
            Identity identity = req.context().get(Identity.class).orElse(Identity.ANONYMOUS);
            wait = identity.known()
                    .map(p -> callers.tryAcquire((p.integration() ? "key:" : "user:") + p.id()))
                    .orElseGet(() -> anonymous.tryAcquire("ip:" + addresses.of(req)));
        }
        if (wait.isEmpty()) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(wait.getAsLong()));
        ProblemResponses.send(req, res, Status.TOO_MANY_REQUESTS_429, "Too many requests",
                "Rate limit reached; retry after " + wait.getAsLong() + " s.", List.of());
    }

    private static boolean isSignIn(RoutingRequest req) {
        String path = req.path().absolute().path();
        return Method.POST.equals(req.prologue().method())
                && (path.equals(AUTH_PATH + "login") || path.equals(AUTH_PATH + "refresh"));
    }
}
