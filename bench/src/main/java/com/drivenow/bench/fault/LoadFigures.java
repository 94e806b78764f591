package com.drivenow.bench.fault;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the load's clients sent and got back; shared by every client thread. */
public final class LoadFigures {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong connectionFailures = new AtomicLong();
    /** 502/503/504 from the gateway while a server behind it was down: expected during a fault. */
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong otherErrors = new AtomicLong();
    final AtomicLong pickedUp = new AtomicLong();
    final AtomicLong returned = new AtomicLong();
    /** Every booking a client got a 201 for, with its car. */
    final Map<UUID, UUID> createdBookings = new ConcurrentHashMap<>();

    public long requests() {
        return requests.get();
    }

    public long created() {
        return created.get();
    }

    public long conflicts() {
        return conflicts.get();
    }

    public long connectionFailures() {
        return connectionFailures.get();
    }

    public long unavailable() {
        return unavailable.get();
    }

    public long otherErrors() {
        return otherErrors.get();
    }

    public long pickedUp() {
        return pickedUp.get();
    }

    public long returned() {
        return returned.get();
    }

    public Map<UUID, UUID> createdBookings() {
        return Map.copyOf(createdBookings);
    }
}
