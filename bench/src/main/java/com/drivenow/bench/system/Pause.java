package com.drivenow.bench.system;

import java.time.Duration;

/** Sleeps without a checked exception; an interrupt is kept for the caller to see. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
