package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.Role;
import io.helidon.http.Method;

import java.util.Map;
import java.util.Set;

/**
 * One operation of the public API that the gateway forwards: who may call it, which server serves it,
 * and the body fields that only some roles may set ({@code guardedFields}).
 */
public record PublicRoute(Method method, String path, Upstream upstream, Set<Role> roles,
                          Map<String, Set<Role>> guardedFields) {

    public PublicRoute {
        guardedFields = Map.copyOf(guardedFields);
    }

    public PublicRoute(Method method, String path, Upstream upstream, Set<Role> roles) {
        this(method, path, upstream, roles, Map.of());
    }
}
