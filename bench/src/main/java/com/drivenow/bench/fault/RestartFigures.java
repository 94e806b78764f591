package com.drivenow.bench.fault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Kills and graceful restarts of the run, and what clients saw fail during the rolling restarts
 * (after their retries: must be 0).
 */
public final class RestartFigures {

    private final LongSupplier failedRequests;
    private final AtomicLong kills = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong slowestStopMillis = new AtomicLong();
    private final AtomicLong failedInRollingRestarts = new AtomicLong();

    /** @param failedRequests the load's requests failed so far, after retries */
    RestartFigures(LongSupplier failedRequests) {
        this.failedRequests = failedRequests;
    }

    void killed() {
        kills.incrementAndGet();
    }

    void restarted(Duration stoppedIn) {
        restarts.incrementAndGet();
        slowestStopMillis.accumulateAndGet(stoppedIn.toMillis(), Math::max);
    }

    long failedSoFar() {
        return failedRequests.getAsLong();
    }

    void rollingRestartDone(long failedBefore) {
        failedInRollingRestarts.addAndGet(failedRequests.getAsLong() - failedBefore);
    }

    public long kills() {
        return kills.get();
    }

    /** Servers stopped with SIGTERM and started again. */
    public long restarts() {
        return restarts.get();
    }

    public Duration slowestStop() {
        return Duration.ofMillis(slowestStopMillis.get());
    }

    public long failedInRollingRestarts() {
        return failedInRollingRestarts.get();
    }
}
