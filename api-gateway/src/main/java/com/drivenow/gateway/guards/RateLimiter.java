package com.drivenow.gateway.guards;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller key (user, API key or client IP): {@code burst} requests at once, refilled
 * at {@code perSecond}. Buckets that are full again hold no information and are dropped once many
 * keys are tracked, so a scan of many addresses cannot grow memory without bound.
 */
public final class RateLimiter {

    public record Policy(long burst, long perSecond) {
        public Policy {
            if (burst < 1 || perSecond < 1) {
                throw new IllegalArgumentException("Rate limits need burst >= 1 and persecond >= 1");
            }
        }
    }

    private static final int SWEEP_ABOVE_KEYS = 10_000;

    private final Policy policy;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Policy policy) {
        this.policy = policy;
    }

    /** Empty when the call may go ahead; otherwise how long the caller should wait. */
    public OptionalLong tryAcquire(String key) {
        if (buckets.size() > SWEEP_ABOVE_KEYS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= policy.burst());
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.burst()).refillGreedy(policy.perSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
