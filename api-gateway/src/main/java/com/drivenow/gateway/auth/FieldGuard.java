package com.drivenow.gateway.auth;

import com.drivenow.gateway.routing.PublicRoute;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The body-level role check: fields of a route's body that only some roles may set (mass assignment).
 * A field counts as set when it is present with a value other than {@code null} or {@code false}.
 * A body that is not JSON is left to the server, which names what is wrong with it.
 */
public final class FieldGuard {

    private FieldGuard() {
    }

    public static void check(ServerRequest req, PublicRoute route, Principal caller, byte[] body) {
        if (route.guardedFields().isEmpty() || body == null) {
            return;
        }
        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            return;
        }
        List<String> refused = new ArrayList<>();
        Set<Role> needed = new TreeSet<>();
        for (Map.Entry<String, Set<Role>> field : new TreeMap<>(route.guardedFields()).entrySet()) {
            JsonNode value = json.get(field.getKey());
            boolean set = value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
            if (set && !caller.hasAnyOf(field.getValue())) {
                refused.add("'" + field.getKey() + "'");
                needed.addAll(field.getValue());
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.forbidden("'" + caller.id() + "' may not set " + String.join(", ", refused) + " on "
                    + req.prologue().method().text() + " " + req.path().absolute().path()
                    + "; it needs one of the roles " + List.copyOf(needed));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
