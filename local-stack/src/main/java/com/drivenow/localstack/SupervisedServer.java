package com.drivenow.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A launched server that is started again when it dies on its own (a crash, kill -9, an OOM), so
 * the stack never stays half up: after a pause that doubles with each quick failure (from
 * {@code firstPause} up to {@code longestPause}) and starts again from {@code firstPause} once the
 * server has stayed up for {@code stableAfter}. Every exit and restart is said on the output.
 * {@link #stop} ends it for good.
 */
public final class SupervisedServer {

    /** The launcher's back-off: 1 s, 2 s, 4 s ... up to 30 s; reset after a minute up. */
    public record Backoff(Duration firstPause, Duration longestPause, Duration stableAfter) {
        public static final Backoff LAUNCHER = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(1));

        Duration after(Duration previous) {
            Duration doubled = previous.multipliedBy(2);
            return doubled.compareTo(longestPause) > 0 ? longestPause : doubled;
        }
    }

    private final String name;
    private final Supplier<ServerProcess> launch;
    private final Duration healthTimeout;
    private final Backoff backoff;
    private final PrintStream out;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile ServerProcess current;
    private volatile boolean stopped;
    private Thread supervisor;

    public SupervisedServer(String name, Supplier<ServerProcess> launch, Duration healthTimeout, Backoff backoff,
                            PrintStream out) {
        this.name = name;
        this.launch = launch;
        this.healthTimeout = healthTimeout;
        this.backoff = backoff;
        this.out = out;
    }

    /** Launches the server, waits until it is healthy, then watches it. */
    public synchronized SupervisedServer start() {
        current = launch.get();
        current.awaitHealthy(healthTimeout);
        supervisor = Thread.ofVirtual().name("supervise-" + name).start(this::supervise);
        return this;
    }

    private void supervise() {
        Duration pause = backoff.firstPause();
        while (!stopped) {
            ServerProcess process = current;
            long upSince = System.nanoTime();
            int code;
            try {
                code = process.awaitExit();
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            if (System.nanoTime() - upSince > backoff.stableAfter().toNanos()) {
                pause = backoff.firstPause();
            }
            int restart = restarts.incrementAndGet();
            out.printf("[launcher] %s (pid %d) exited with code %d; restarting it in %d ms (restart %d)%n", name,
                    process.pid(), code, pause.toMillis(), restart);
            if (!sleep(pause)) {
                return;
            }
            pause = backoff.after(pause);
            synchronized (this) {
                if (stopped) {
                    return;
                }
                current = launch.get();
            }
            try {
                Duration took = current.awaitHealthy(healthTimeout);
                out.printf("[launcher] %s is back (pid %d, healthy after %d ms)%n", name, current.pid(), took.toMillis());
            } catch (IllegalStateException e) {
                out.printf("[launcher] %s did not come back: %s%n", name, e.getMessage());
                current.kill();
            }
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** The process running now (a new one after each restart). */
    public ServerProcess current() {
        return current;
    }

    public int restarts() {
        return restarts.get();
    }

    /** No more restarts; SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        Thread watching;
        synchronized (this) {
            stopped = true;
            watching = supervisor;
        }
        if (watching != null) {
            watching.interrupt();
        }
        ServerProcess process = current;
        if (process != null) {
            process.stop(grace);
        }
    }
}
