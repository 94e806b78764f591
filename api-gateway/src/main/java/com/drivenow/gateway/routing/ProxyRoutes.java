package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.AccessGuard;
import com.drivenow.gateway.auth.FieldGuard;
import com.drivenow.gateway.guards.BodyReader;
import com.drivenow.gateway.auth.Principal;
import com.drivenow.platform.web.ProblemHandlers;
import io.helidon.webserver.http.HttpRouting;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Registers every {@link PublicRoutes} row: role check, body-field check, then forwarding; other methods get a 405. */
public final class ProxyRoutes {

    private ProxyRoutes() {
    }

    public static void register(HttpRouting.Builder routing, Map<Upstream, UpstreamClient> clients, BodyReader bodies) {
        Set<String> paths = new LinkedHashSet<>();
        for (PublicRoute route : PublicRoutes.ALL) {
            UpstreamClient client = clients.get(route.upstream());
            routing.route(route.method(), route.path(), (req, res) -> {
                Principal caller = AccessGuard.require(req, route.roles());
                byte[] body = bodies.bytes(req);
                FieldGuard.check(req, route, caller, body);
                client.forward(req, res, caller, body);
            });
            paths.add(route.path());
        }
        paths.forEach(path -> routing.any(path, ProblemHandlers::methodNotAllowed));
    }
}
