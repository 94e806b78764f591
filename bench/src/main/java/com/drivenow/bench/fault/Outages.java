package com.drivenow.bench.fault;

import com.drivenow.bench.system.Instance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When a gateway's live feed could not see events: the gateway down (from the kill or SIGTERM until
 * it is healthy again), or every gateway while the broker was cut. The live view is not durable (a
 * desk that missed something reloads), so a desk may miss the changes committed in these spans,
 * and only in these.
 */
final class Outages {

    /** Before: an event committed just before the fault may be relayed after it. */
    private static final Duration BEFORE = Duration.ofSeconds(2);
    /** After: the feed binds its queue again (the gateway's events.retry is PT2S) and the desk reconnects. */
    private static final Duration AFTER = Duration.ofSeconds(5);

    private record Outage(Instance gateway, Instant from, Instant to) {
        boolean covers(Instance watched, Instant at) {
            return (gateway == null || gateway.equals(watched))
                    && !at.isBefore(from.minus(BEFORE)) && !at.isAfter(to.plus(AFTER));
        }
    }

    private final List<Outage> outages = new CopyOnWriteArrayList<>();

    /** {@code gateway}'s feed was away from {@code from} until now. */
    void gatewayDown(Instance gateway, Instant from) {
        outages.add(new Outage(gateway, from, Instant.now()));
    }

    /** Every gateway's feed was away from {@code from} until now. */
    void allFeedsDown(Instant from) {
        outages.add(new Outage(null, from, Instant.now()));
    }

    boolean covers(Instance gateway, Instant at) {
        return outages.stream().anyMatch(outage -> outage.covers(gateway, at));
    }
}
