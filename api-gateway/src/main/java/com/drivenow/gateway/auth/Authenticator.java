package com.drivenow.gateway.auth;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/**
 * Turns a request's credentials into an {@link Identity}: a bearer token for desk users, an
 * {@code X-Api-Key} for integrations. A request with both is judged by its bearer token.
 */
public final class Authenticator {

    public static final HeaderName API_KEY = HeaderNames.create("X-Api-Key");
    private static final String BEARER = "Bearer ";

    private final JwtTokens tokens;
    private final ApiKeys apiKeys;
    private final UserAccounts accounts;
    private final Sessions sessions;

    public Authenticator(JwtTokens tokens, ApiKeys apiKeys, UserAccounts accounts, Sessions sessions) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public Identity identify(Headers headers) {
        var authorization = headers.first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String value = authorization.get();
            if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Identity.refused("Only 'Authorization: Bearer <token>' is accepted.");
            }
            try {
                Principal user = tokens.verify(value.substring(BEARER.length()).trim());
                String refusal = refusal(user);
                return refusal == null ? Identity.of(user) : Identity.refused(refusal);
            } catch (Unauthenticated e) {
                return Identity.refused(e.detail());
            }
        }
        return headers.first(API_KEY)
                .map(key -> apiKeys.verify(key)
                        .map(Identity::of)
                        .orElseGet(() -> Identity.refused("The API key is not known.")))
                .orElse(Identity.ANONYMOUS);
    }

    /**
     * Why a verified token no longer speaks for its user, or null while it does: its session was
     * signed out, or the account is gone or has other roles than the token says. Checked on every
     * request, and again by open live-event streams.
     */
    public String refusal(Principal user) {
        if (user.integration()) {
            return null;
        }
        if (user.sessionId() == null || sessions.revoked(user.sessionId())) {
            return "The session has ended; sign in again.";
        }
        boolean unchanged = accounts.current(user.id())
                .map(account -> account.roles().equals(user.roles()))
                .orElse(false);
        return unchanged ? null : "The account was removed or its roles changed; sign in again.";
    }
}
