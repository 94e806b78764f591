package com.drivenow.bench.fault;

import java.util.List;
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
    /** Requests that got no real answer however long they were retried. */
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong pickedUp = new AtomicLong();
    final AtomicLong returned = new AtomicLong();
    /** The unexpected answers by call and status, with the first detail seen, for the summary. */
    final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();
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

    public long gaveUp() {
        return gaveUp.get();
    }

    /** Requests that failed for the client after its retries: unexpected answers, or none at all. */
    public long failed() {
        return otherErrors.get() + gaveUp.get();
    }

    /** Answers a retrying client saw but did not count as failed: no connection, 502/503/504. */
    public long retriedErrors() {
        return connectionFailures.get() + unavailable.get();
    }

    public long pickedUp() {
        return pickedUp.get();
    }

    public long returned() {
        return returned.get();
    }

    void unexpected(String call, int status, String detail) {
        String key = call + " " + status;
        unexpected.computeIfAbsent(key + ": " + detail, k -> new AtomicLong()).incrementAndGet();
    }

    /** "call status: detail" of the unexpected answers, with how often each came. */
    public List<String> unexpectedAnswers() {
        return unexpected.entrySet().stream().map(e -> e.getValue().get() + " x " + e.getKey()).sorted().toList();
    }

    public Map<UUID, UUID> createdBookings() {
        return Map.copyOf(createdBookings);
    }
}
