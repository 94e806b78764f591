package com.drivenow.bench.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out (car, window) pairs that never collide: cars in turn, each turn a later slot. */
final class Windows {

    record Slot(UUID carId, Instant from, Instant to) {
    }

    private static final Duration SLOT = Duration.ofHours(2);
    private static final Duration LENGTH = Duration.ofHours(1);

    private final List<UUID> cars;
    private final Instant base = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    private final AtomicLong next = new AtomicLong();

    Windows(List<UUID> cars) {
        this.cars = cars;
    }

    Slot next() {
        long n = next.getAndIncrement();
        Instant from = base.plus(SLOT.multipliedBy(n / cars.size()));
        return new Slot(cars.get((int) (n % cars.size())), from, from.plus(LENGTH));
    }
}
