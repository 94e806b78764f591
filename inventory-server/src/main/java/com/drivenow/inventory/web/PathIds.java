package com.drivenow.inventory.web;

import com.drivenow.platform.web.ProblemException;
import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;

/** An id from the path; one that is not a UUID names nothing that exists, so it is a 404. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(ServerRequest req, String name, String what) {
        String raw = req.path().pathParameters().get(name);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no " + what + " with id " + raw + ".");
        }
    }
}
