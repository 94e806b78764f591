package com.drivenow.booking.web;

import com.drivenow.platform.web.ProblemException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** Reads a JSON request body: 415 when it is not JSON, 400 when it is missing or {@code null}. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(ServerRequest req, Class<T> type) {
        boolean json = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(m -> "application".equals(m.type()) && ("json".equals(m.subtype()) || m.subtype().endsWith("+json")))
                .orElse(false);
        if (!json) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported media type",
                    "Send the body as application/json.");
        }
        if (!req.content().hasEntity()) {
            throw ProblemException.badRequest("A JSON body is required.");
        }
        T body = req.content().as(type);
        if (body == null) {
            throw ProblemException.badRequest("The body must be a JSON object, not null.");
        }
        return body;
    }
}
