package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.Role;
import io.helidon.http.Method;

import java.util.Set;

/** One operation of the public API that the gateway forwards: who may call it and which server serves it. */
public record PublicRoute(Method method, String path, Upstream upstream, Set<Role> roles) {
}
