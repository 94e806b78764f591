package com.drivenow.gateway.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles of API.md. A fleet manager does all desk work too, so the role brings AGENT along. */
public enum Role {
    AGENT,
    FLEET_MANAGER,
    INTEGRATION;

    /** The roles a caller effectively has when it was given {@code granted}. */
    public static Set<Role> withImplied(Collection<Role> granted) {
        EnumSet<Role> roles = granted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(granted);
        if (roles.contains(FLEET_MANAGER)) {
            roles.add(AGENT);
        }
        return Set.copyOf(roles);
    }

    /** Reads a configured or signed role name; unknown names are a configuration or token error. */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + name + "'; expected one of "
                    + java.util.Arrays.toString(values()), e);
        }
    }
}
