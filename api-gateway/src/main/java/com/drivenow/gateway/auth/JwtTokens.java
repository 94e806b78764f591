package com.drivenow.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Issues and checks the desk users' access tokens: HS256 JWTs with sub, name, roles, sid (session), iat, exp, jti. */
public final class JwtTokens {

    public static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final String issuer;
    private final Clock clock;

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    public JwtTokens(String secret, Duration ttl, String issuer, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("security.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256; it has " + key.length);
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable security.jwt.secret: " + e.getMessage(), e);
        }
        this.ttl = ttl;
        this.issuer = issuer;
        this.clock = clock;
    }

    public IssuedToken issue(Principal user, String sessionId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.id())
                .claim("name", user.displayName())
                .claim("roles", user.roleNames())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("sid", sessionId)
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), ttl.toSeconds());
    }

    /** The user a token speaks for; {@link Unauthenticated} when it is malformed, forged or expired. */
    public Principal verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // Only our own algorithm: never "none", never a key type the header chooses.
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new Unauthenticated("The bearer token's signature is not valid.");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (expires == null || !clock.instant().isBefore(expires.toInstant())) {
                throw new Unauthenticated("The bearer token has expired; log in again.");
            }
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null) {
                throw new Unauthenticated("The bearer token was not issued by this gateway.");
            }
            List<String> roles = claims.getStringListClaim("roles");
            Set<Role> parsed = roles == null ? Set.of()
                    : roles.stream().map(Role::parse).collect(Collectors.toSet());
            String name = claims.getStringClaim("name");
            return new Principal(claims.getSubject(), name != null ? name : claims.getSubject(), parsed, false)
                    .inSession(claims.getStringClaim("sid"), expires.toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new Unauthenticated("The bearer token cannot be read.");
        }
    }
}
