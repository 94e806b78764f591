package com.drivenow.gateway.auth;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated caller: a desk user (bearer token) or an integration (API key). The gateway
 * vouches for it to the servers with the X-Caller-* headers. A desk user's principal carries its
 * session and the moment its access token expires; an integration's has neither.
 */
public record Principal(String id, String displayName, Set<Role> roles, boolean integration,
                        String sessionId, Instant expiresAt) {

    public Principal {
        roles = Role.withImplied(roles);
    }

    public Principal(String id, String displayName, Set<Role> roles, boolean integration) {
        this(id, displayName, roles, integration, null, null);
    }

    public boolean hasAnyOf(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    /** Role names in a stable order, for tokens, headers and answers. */
    public java.util.List<String> roleNames() {
        return roles.stream().sorted().map(Role::name).toList();
    }

    public String rolesHeader() {
        return roleNames().stream().collect(Collectors.joining(","));
    }

    /** The same user in a session: what an access token speaks for. */
    public Principal inSession(String session, Instant expires) {
        return new Principal(id, displayName, roles, integration, session, expires);
    }
}
