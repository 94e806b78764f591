package com.drivenow.platform.messaging;

import java.util.concurrent.atomic.AtomicLong;

/** What a consumer did since start; exported as metrics and read by tests and benchmarks. */
public final class ConsumerStats {

    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong parked = new AtomicLong();
    final AtomicLong retried = new AtomicLong();

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long parked() {
        return parked.get();
    }

    public long retried() {
        return retried.get();
    }
}
