package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.Role;
import io.helidon.http.Method;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.drivenow.gateway.auth.Role.AGENT;
import static com.drivenow.gateway.auth.Role.FLEET_MANAGER;
import static com.drivenow.gateway.auth.Role.INTEGRATION;
import static com.drivenow.gateway.routing.Upstream.BOOKING;
import static com.drivenow.gateway.routing.Upstream.INVENTORY;

/**
 * The forwarded part of API.md, one row per operation: the single source of the gateway's proxy
 * routes and role checks (fleet managers also hold AGENT). Nothing under /internal is listed, so
 * nothing there is ever routed.
 */
public final class PublicRoutes {

    private static final Set<Role> DESK = Set.of(AGENT);
    private static final Set<Role> FLEET = Set.of(FLEET_MANAGER);
    private static final Set<Role> EVERYONE = Set.of(AGENT, INTEGRATION);

    public static final List<PublicRoute> ALL = List.of(
            new PublicRoute(Method.GET, "/api/v1/cars", INVENTORY, EVERYONE),
            new PublicRoute(Method.POST, "/api/v1/cars", INVENTORY, FLEET),
            new PublicRoute(Method.GET, "/api/v1/cars/{id}", INVENTORY, EVERYONE),
            new PublicRoute(Method.PATCH, "/api/v1/cars/{id}", INVENTORY, FLEET),
            new PublicRoute(Method.POST, "/api/v1/cars/{id}/maintenance", INVENTORY, FLEET),
            new PublicRoute(Method.DELETE, "/api/v1/cars/{id}/maintenance", INVENTORY, FLEET),
            new PublicRoute(Method.POST, "/api/v1/cars/{id}/retire", INVENTORY, FLEET),
            new PublicRoute(Method.POST, "/api/v1/cars/{id}/odometer", INVENTORY, FLEET),
            new PublicRoute(Method.GET, "/api/v1/branches", INVENTORY, EVERYONE),
            new PublicRoute(Method.POST, "/api/v1/branches", INVENTORY, FLEET),
            new PublicRoute(Method.GET, "/api/v1/branches/{code}", INVENTORY, EVERYONE),
            new PublicRoute(Method.PATCH, "/api/v1/branches/{code}", INVENTORY, FLEET),
            new PublicRoute(Method.GET, "/api/v1/availability", BOOKING, EVERYONE),
            new PublicRoute(Method.GET, "/api/v1/bookings", BOOKING, EVERYONE),
            // Handing a car over (a walk-in, an odometer reading) is desk work, whoever books.
            new PublicRoute(Method.POST, "/api/v1/bookings", BOOKING, EVERYONE,
                    Map.of("pickUpNow", DESK, "mileageKm", DESK)),
            new PublicRoute(Method.GET, "/api/v1/bookings/{id}", BOOKING, EVERYONE),
            new PublicRoute(Method.POST, "/api/v1/bookings/{id}/pickup", BOOKING, DESK),
            new PublicRoute(Method.POST, "/api/v1/bookings/{id}/return", BOOKING, DESK),
            new PublicRoute(Method.POST, "/api/v1/bookings/{id}/cancel", BOOKING, EVERYONE));

    private PublicRoutes() {
    }
}
