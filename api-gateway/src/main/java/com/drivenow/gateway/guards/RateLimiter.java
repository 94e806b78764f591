package com.drivenow.gateway.guards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One Bucket4j token bucket per caller key (user, API key or client address): {@code burst} requests
 * at once, refilled at {@code perSecond}. The buckets sit in a bounded cache (at most {@code maxKeys})
 * and expire once idle for as long as a bucket takes to fill up again, when it holds no information,
 * so a scan of many addresses cannot grow memory.
 */
public final class RateLimiter {

    public record Policy(long burst, long perSecond, long maxKeys) {
        public Policy {
            if (burst < 1 || perSecond < 1 || maxKeys < 1) {
                throw new IllegalArgumentException("Rate limits need burst >= 1, persecond >= 1 and keys >= 1");
            }
        }

        /** How long an untouched bucket takes to be full again. */
        Duration refillTime() {
            return Duration.ofMillis(Math.max(1000, burst * 1000 / perSecond + 1000));
        }
    }

    private final Policy policy;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(Policy policy) {
        this.policy = policy;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(policy.maxKeys())
                .expireAfterAccess(policy.refillTime())
                .build();
    }

    /** Empty when the call may go ahead; otherwise how long the caller should wait, in seconds. */
    public OptionalLong tryAcquire(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Buckets currently tracked (approximate), for tests of the bound. */
    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.burst()).refillGreedy(policy.perSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
