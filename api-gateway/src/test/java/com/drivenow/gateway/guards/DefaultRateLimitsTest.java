package com.drivenow.gateway.guards;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped defaults let a busy desk work unthrottled: bursts of 100, then 50 per second. */
class DefaultRateLimitsTest {

    @Test
    void aBurstOfAHundredPasses() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(100, 50, 1000));

        long refused = IntStream.range(0, 100).filter(i -> limiter.tryAcquire("user:agent").isPresent()).count();

        assertThat(refused).isZero();
        assertThat(limiter.tryAcquire("user:agent")).isPresent();
        assertThat(limiter.tryAcquire("user:manager")).isEmpty();
    }
}
