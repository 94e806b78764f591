package com.drivenow.gateway.auth;

import com.drivenow.gateway.guards.TooManyRequests;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-account back-off: free failures, then a lock that doubles with each further failure, capped. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofMinutes(15), 1000), clock);

    @Test
    void theLockGrowsWithEveryFailureUpToTheCapAndASuccessClearsIt() {
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed("Ann");
            throttle.failed("ann");
        }
        assertThat(lockSeconds()).isEqualTo(3);   // 2 s, rounded up to whole seconds
        clock.advance(Duration.ofSeconds(2));
        throttle.checkAllowed("ann");
        throttle.failed("ann");
        assertThat(lockSeconds()).isEqualTo(5);   // 4 s
        clock.advance(Duration.ofSeconds(4));
        throttle.failed("ann");
        clock.advance(Duration.ofSeconds(8));
        throttle.failed("ann");
        assertThat(lockSeconds()).isEqualTo(11);  // capped at 10 s
        clock.advance(Duration.ofSeconds(10));
        throttle.succeeded("ann");
        throttle.failed("ann");
        assertThatCode(() -> throttle.checkAllowed("ann")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.checkAllowed("bob")).doesNotThrowAnyException();
    }

    private long lockSeconds() {
        return catchThrowableOfType(TooManyRequests.class, () -> throttle.checkAllowed("ann")).retryAfterSeconds();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
