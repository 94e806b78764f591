package com.drivenow.platform.lifecycle;

import com.drivenow.platform.web.ProblemResponses;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server's HTTP side of a graceful shutdown: counts the requests in flight and, once
 * {@link #begin()} was called, reports not ready and answers every new request (but health and
 * metrics) at once with 503, {@code Retry-After: 1}, {@code Connection: close} and
 * {@link #HEADER}, before doing anything, so a caller may send it to another replica whatever its
 * method. The requests already in flight finish ({@link #awaitIdle}).
 *
 * <p>Register it as the routing's first filter and its {@link #readiness()} among the health checks.
 */
public final class Drain implements Filter {

    /** On a 503 answered by a draining server: nothing was done, any replica may take the request. */
    public static final HeaderName HEADER = HeaderNames.create("X-DriveNow-Draining");
    private static final Set<String> OPEN_PATHS = Set.of("/health", "/health/live", "/health/ready", "/metrics");
    private static final Duration POLL = Duration.ofMillis(10);

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (OPEN_PATHS.contains(req.path().absolute().path())) {
            chain.proceed();
            return;
        }
        // Counted before the flag is read: a request that saw "not draining" is always waited for.
        inFlight.incrementAndGet();
        try {
            if (draining) {
                res.header(HeaderNames.RETRY_AFTER, "1");
                res.header(HeaderNames.CONNECTION, "close");
                res.header(HEADER, "true");
                ProblemResponses.send(req, res, Status.SERVICE_UNAVAILABLE_503, "Service unavailable",
                        "This server is shutting down; send the request to another replica.", List.of());
                return;
            }
            chain.proceed();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** From now on: not ready, new requests refused. */
    public void begin() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Waits until no request is in flight, at most {@code patience}; true when none is left. */
    public boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() >= deadline) {
                System.out.printf("%d requests still in flight after %s; stopping without them%n", inFlight.get(),
                        patience);
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Readiness: DOWN once the server drains, so orchestrators and probes stop sending it work. */
    public HealthCheck readiness() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "accepting";
            }

            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(!draining).detail("draining", draining)
                        .detail("inFlight", inFlight.get()).build();
            }
        };
    }
}
