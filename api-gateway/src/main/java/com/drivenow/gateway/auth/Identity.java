package com.drivenow.gateway.auth;

import java.util.Optional;

/**
 * What the credentials of one request established: a principal, nothing (no credentials), or a
 * refusal (credentials present but bad). Kept in the request context so that rate limiting, the
 * access log and the role checks read the same answer.
 */
public record Identity(Principal principal, String refusal) {

    public static final Identity ANONYMOUS = new Identity(null, null);

    public static Identity of(Principal principal) {
        return new Identity(principal, null);
    }

    public static Identity refused(String reason) {
        return new Identity(null, reason);
    }

    public Optional<Principal> known() {
        return Optional.ofNullable(principal);
    }

    /** For logs: the caller id, or "-" when nobody was established. */
    public String label() {
        return principal != null ? principal.id() : "-";
    }
}
