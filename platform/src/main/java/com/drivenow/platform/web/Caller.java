package com.drivenow.platform.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the gateway vouches for it in headers next to the internal credential.
 * {@code integration} marks API-key callers, who may only see the bookings they made.
 */
public record Caller(String id, Set<String> roles, boolean integration) {

    /** The id of a call that names no caller: a sibling server or the launcher, never a public client. */
    public static final String SYSTEM = "system";

    public static final HeaderName ID = HeaderNames.create("X-Caller-Id");
    public static final HeaderName ROLES = HeaderNames.create("X-Caller-Roles");
    public static final HeaderName KIND = HeaderNames.create("X-Caller-Kind");
    public static final String KIND_INTEGRATION = "INTEGRATION";
    public static final String KIND_USER = "USER";

    /** The caller of a request; a call without identity (sibling server) is the system. */
    public static Caller of(ServerRequest req) {
        String id = req.headers().first(ID).orElse(SYSTEM);
        Set<String> roles = req.headers().first(ROLES)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        boolean integration = req.headers().first(KIND).map(KIND_INTEGRATION::equals).orElse(false);
        return new Caller(id, roles, integration);
    }

    /** True for a call no public client made (the gateway always names its caller). */
    public boolean system() {
        return SYSTEM.equals(id) && !integration;
    }

    /** True when the caller holds at least one of {@code wanted} (role names as the gateway sends them). */
    public boolean holdsAnyOf(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
