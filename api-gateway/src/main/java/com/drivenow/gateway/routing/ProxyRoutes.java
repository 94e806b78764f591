package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.AccessGuard;
import com.drivenow.gateway.auth.Principal;
import com.drivenow.platform.web.ProblemHandlers;
import io.helidon.webserver.http.HttpRouting;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Registers every {@link PublicRoutes} row: role check, then forwarding; other methods get a 405. */
public final class ProxyRoutes {

    private ProxyRoutes() {
    }

    public static void register(HttpRouting.Builder routing, Map<Upstream, UpstreamClient> clients) {
        Set<String> paths = new LinkedHashSet<>();
        for (PublicRoute route : PublicRoutes.ALL) {
            UpstreamClient client = clients.get(route.upstream());
            routing.route(route.method(), route.path(), (req, res) -> {
                Principal caller = AccessGuard.require(req, route.roles());
                client.forward(req, res, caller);
            });
            paths.add(route.path());
        }
        paths.forEach(path -> routing.any(path, ProblemHandlers::methodNotAllowed));
    }
}
