package com.drivenow.platform;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A growing pause between attempts: {@code first}, then doubling up to {@code max}, each with up to
 * a quarter of random spread so that several instances retrying the same outage do not march in step.
 */
public final class RetryDelay {

    private final Duration max;
    private Duration next;

    public RetryDelay(Duration first, Duration max) {
        this.max = max;
        this.next = first;
    }

    /** Sleeps for the current delay (keeping the interrupt flag) and grows it for the next time. */
    public void pause() {
        long millis = next.toMillis();
        Pause.quietly(Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1)));
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
    }
}
