package com.drivenow.gateway.guards;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped defaults let a busy desk work unthrottled: bursts of 100, then 50 per second; and the
 * buckets stay bounded however many keys come.
 */
class DefaultRateLimitsTest {

    @Test
    void aBurstOfAHundredPasses() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(100, 50, 1000));

        long refused = IntStream.range(0, 100).filter(i -> limiter.tryAcquire("user:agent").isPresent()).count();

        assertThat(refused).isZero();
        assertThat(limiter.tryAcquire("user:agent")).isPresent();
        assertThat(limiter.tryAcquire("user:manager")).isEmpty();
    }

    @Test
    void aScanOfManyAddressesKeepsOnlyABoundedNumberOfBuckets() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(20, 5, 100));

        IntStream.range(0, 20_000).forEach(i -> limiter.tryAcquire("ip:10.0." + (i / 256) + "." + (i % 256)));

        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(100);
    }
}
