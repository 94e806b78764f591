package com.drivenow.platform.lifecycle;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server's stop, in the order it is declared, within one grace period: typically "drain" (not
 * ready, new requests refused), "requests in flight", the web server, the consumer (stops taking
 * messages, finishes and acknowledges the one in hand), the relay (empties the outbox), then the
 * connections. A step that waits gets what is left of the grace period; a step that fails is logged
 * and the next one runs all the same. Runs once: later calls return at once.
 *
 * <p>The grace period is {@code server.shutdowngrace} of the server's application.yaml
 * ({@code SERVER_SHUTDOWNGRACE} in the environment).
 */
public final class GracefulShutdown {

    public static final String GRACE_KEY = "server.shutdowngrace";

    private record Step(String name, Consumer<Duration> action) {
    }

    private final String server;
    private final Duration grace;
    private final List<Step> steps = new ArrayList<>();
    private boolean done;

    public GracefulShutdown(String server, Duration grace) {
        this.server = server;
        this.grace = grace;
    }

    /** The grace period a server's configuration sets. */
    public static Duration graceOf(Config config) {
        return config.get(GRACE_KEY).as(Duration.class).get();
    }

    /** A step that may take as long as the time it is given (what is left of the grace period). */
    public GracefulShutdown then(String name, Consumer<Duration> action) {
        steps.add(new Step(name, action));
        return this;
    }

    /** A step that does not wait. */
    public GracefulShutdown then(String name, Runnable action) {
        return then(name, left -> action.run());
    }

    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        long started = System.nanoTime();
        long deadline = started + grace.toNanos();
        // On standard output, not the log: the JVM's own shutdown hook may have closed the log handlers already.
        System.out.printf("%s shutting down (grace %s)%n", server, grace);
        for (Step step : steps) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                step.action().accept(left);
            } catch (RuntimeException e) {
                System.out.printf("%s shutdown: %s failed: %s%n", server, step.name(), e);
            }
        }
        System.out.printf("%s stopped in %d ms%n", server, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
