package com.drivenow.desk.live;

import java.time.Duration;

/** Exponential reconnect delays (doubling from a first delay up to a cap), reset after a good connection. */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    public long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    public void reset() {
        nextMillis = firstMillis;
    }
}
