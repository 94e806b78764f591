package com.drivenow.platform.messaging;

import java.util.concurrent.atomic.AtomicLong;

/** What a consumer did since start; exported as metrics and read by tests and benchmarks. */
public final class ConsumerStats {

    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong parked = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();
    final AtomicLong redelivered = new AtomicLong();

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long parked() {
        return parked.get();
    }

    /** Attempts that failed on the event itself (not the infrastructure) and were tried again. */
    public long retried() {
        return retried.get();
    }

    /** Attempts held back because the database or broker failed; they never count towards parking. */
    public long delayed() {
        return delayed.get();
    }

    /** Deliveries the broker flagged as redelivered (after a lost ack, a crash or a consumer restart). */
    public long redelivered() {
        return redelivered.get();
    }
}
