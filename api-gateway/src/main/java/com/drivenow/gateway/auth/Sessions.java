package com.drivenow.gateway.auth;

import com.drivenow.platform.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desk users' sign-in sessions and their refresh tokens. A refresh token is
 * {@code <session id>.<secret>}; only the SHA-256 of the current secret is kept. Every refresh rotates
 * it; presenting an older one (a stolen copy) revokes the whole session. A revoked session's access
 * tokens are refused until they expire. Sessions live in the gateway's memory, bounded in number:
 * a restart ends every refresh token (the desk signs in again), while access tokens stay valid for
 * their short life.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session's state: who, since when valid until when, and the hash of its current secret. */
    private record Session(String id, String username, Set<Role> roles, String secretSha256, Instant expiresAt) {
    }

    /** A newly opened or rotated session: its id, whom and which roles it was opened for, its refresh token. */
    public record Issued(String sessionId, String username, Set<Role> roles, String refreshToken, Instant expiresAt) {
    }

    private final Map<String, Session> active = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();
    private final Duration refreshTtl;
    private final Duration accessTtl;
    private final int maxSessions;
    private final Clock clock;

    public Sessions(Duration refreshTtl, Duration accessTtl, int maxSessions, Clock clock) {
        this.refreshTtl = refreshTtl;
        this.accessTtl = accessTtl;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    public Issued open(Principal user) {
        Instant now = clock.instant();
        if (active.size() >= maxSessions) {
            sweep(now);
            if (active.size() >= maxSessions) {
                throw ProblemException.unavailable("Too many open sessions right now; try again later.");
            }
        }
        String id = random(12);
        String secret = random(32);
        Session session = new Session(id, user.id(), user.roles(), ApiKeys.sha256Hex(secret), now.plus(refreshTtl));
        active.put(id, session);
        return new Issued(id, user.id(), user.roles(), id + "." + secret, session.expiresAt());
    }

    /**
     * The session with a fresh refresh token, when {@code refreshToken} is its current one and it has
     * not expired. A token that names a live session with an old secret revokes that session.
     */
    public Optional<Issued> rotate(String refreshToken) {
        int dot = refreshToken.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = refreshToken.substring(0, dot);
        String presented = ApiKeys.sha256Hex(refreshToken.substring(dot + 1));
        Instant now = clock.instant();
        String secret = random(32);
        Session[] rotated = new Session[1];
        active.computeIfPresent(id, (key, session) -> {
            if (!session.expiresAt().isAfter(now)) {
                return null;
            }
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                    session.secretSha256().getBytes(StandardCharsets.US_ASCII))) {
                revokedUntil.put(id, now.plus(accessTtl));
                return null;
            }
            rotated[0] = new Session(id, session.username(), session.roles(), ApiKeys.sha256Hex(secret),
                    session.expiresAt());
            return rotated[0];
        });
        return Optional.ofNullable(rotated[0])
                .map(s -> new Issued(s.id(), s.username(), s.roles(), s.id() + "." + secret, s.expiresAt()));
    }

    /** Ends a session: its refresh token stops working at once, its access tokens too. */
    public void revoke(String sessionId) {
        if (sessionId != null) {
            Instant now = clock.instant();
            active.remove(sessionId);
            revokedUntil.put(sessionId, now.plus(accessTtl));
            if (revokedUntil.size() > maxSessions) {
                sweep(now);
            }
        }
    }

    public boolean revoked(String sessionId) {
        return sessionId != null && revokedUntil.containsKey(sessionId);
    }

    public int size() {
        return active.size();
    }

    private void sweep(Instant now) {
        active.values().removeIf(s -> !s.expiresAt().isAfter(now));
        revokedUntil.values().removeIf(until -> !until.isAfter(now));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
