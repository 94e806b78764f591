package com.drivenow.gateway.events;

import com.drivenow.gateway.guards.TooManyRequests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many live-event streams may be open at once, per caller and in all: each costs a thread and a
 * queue. Beyond either cap a new stream is refused with 429; closing one frees its place.
 */
public final class StreamCaps {

    private static final long RETRY_AFTER_SECONDS = 5;

    private final int perCaller;
    private final int overall;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private int total;

    public StreamCaps(int perCaller, int overall) {
        this.perCaller = perCaller;
        this.overall = overall;
    }

    /** Takes a place for {@code caller}; throws {@link TooManyRequests} when none is free. */
    public synchronized void acquire(String caller) {
        int mine = open.getOrDefault(caller, 0);
        if (mine >= perCaller) {
            throw new TooManyRequests("Too many streams", "'" + caller + "' already has " + mine
                    + " live-event streams open; at most " + perCaller + " are allowed.", RETRY_AFTER_SECONDS);
        }
        if (total >= overall) {
            throw new TooManyRequests("Too many streams", "The gateway serves its maximum of " + overall
                    + " live-event streams; retry shortly.", RETRY_AFTER_SECONDS);
        }
        open.put(caller, mine + 1);
        total++;
    }

    public synchronized void release(String caller) {
        open.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
        total = Math.max(0, total - 1);
    }
}
