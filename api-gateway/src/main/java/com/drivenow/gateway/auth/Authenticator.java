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

    public Authenticator(JwtTokens tokens, ApiKeys apiKeys) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
    }

    public Identity identify(Headers headers) {
        var authorization = headers.first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String value = authorization.get();
            if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Identity.refused("Only 'Authorization: Bearer <token>' is accepted.");
            }
            try {
                return Identity.of(tokens.verify(value.substring(BEARER.length()).trim()));
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
}
