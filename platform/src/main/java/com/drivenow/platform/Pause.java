package com.drivenow.platform;

import java.time.Duration;

/** Sleeps in background loops, keeping the thread's interrupt flag so the loop can notice it. */
public final class Pause {

    private Pause() {
    }

    public static void quietly(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
