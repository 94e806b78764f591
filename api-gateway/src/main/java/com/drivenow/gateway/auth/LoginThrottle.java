package com.drivenow.gateway.auth;

import com.drivenow.gateway.guards.TooManyRequests;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Per-account protection against password guessing, wherever the guesses come from: with the
 * {@code freeFailures}-th failed login in a row, the account name is locked for a back-off that doubles
 * with every further failure (up to {@code maxLock}); a success clears it. Unknown names are treated
 * exactly like real ones, so the answer tells nothing about which exist. The records live in a
 * bounded cache and expire once idle.
 */
public final class LoginThrottle {

    /** The configuration of the back-off. */
    public record Policy(int freeFailures, Duration firstLock, Duration maxLock, Duration forgetAfter, long maxAccounts) {
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Policy policy;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(policy.maxAccounts())
                .expireAfterWrite(policy.forgetAfter().plus(policy.maxLock()))
                .build();
    }

    /** Throws {@link TooManyRequests} while the account name is locked. */
    public void checkAllowed(String username) {
        Failures recorded = failures.getIfPresent(key(username));
        Instant now = clock.instant();
        if (recorded != null && recorded.lockedUntil() != null && now.isBefore(recorded.lockedUntil())) {
            long seconds = Duration.between(now, recorded.lockedUntil()).toSeconds() + 1;
            throw new TooManyRequests("Too many failed logins",
                    "Too many failed logins for this account; try again in " + seconds + " s.", seconds);
        }
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.asMap().compute(key(username), (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            int beyond = count - policy.freeFailures() + 1;
            Instant lockedUntil = beyond <= 0 ? null : now.plus(lock(beyond));
            return new Failures(count, lockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
    }

    /** firstLock for the first locking failure, doubled for every one after it, at most maxLock. */
    private Duration lock(int beyond) {
        Duration lock = policy.firstLock();
        for (int i = 1; i < beyond && lock.compareTo(policy.maxLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(policy.maxLock()) > 0 ? policy.maxLock() : lock;
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
