package com.drivenow.gateway.auth;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated caller: a desk user (bearer token) or an integration (API key). The gateway
 * vouches for it to the servers with the X-Caller-* headers.
 */
public record Principal(String id, String displayName, Set<Role> roles, boolean integration) {

    public Principal {
        roles = Role.withImplied(roles);
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
}
