package com.drivenow.platform.web;

import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.io.UncheckedIOException;

/**
 * Reads a request body as JSON with the strict mapper: 415 when it is not JSON, 400 when it is
 * missing, empty or {@code null}; a malformed body or a wrong field is named by {@link ProblemHandlers}.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(ServerRequest req, Class<T> type) {
        return parse(text(req), type);
    }

    /** A body already read: 400 when it is {@code null}; a malformed one is named by {@link ProblemHandlers}. */
    public static <T> T parse(String text, Class<T> type) {
        try {
            T body = Json.mapper().readValue(text, type);
            if (body == null) {
                throw ProblemException.badRequest("The body must be a JSON object, not null.");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(ServerRequest req) {
        String text = text(req);
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code application/json} or any {@code application/*+json}. */
    public static boolean isJson(HttpMediaType type) {
        String subtype = type.mediaType().subtype();
        return "application".equals(type.mediaType().type()) && ("json".equals(subtype) || subtype.endsWith("+json"));
    }

    private static String text(ServerRequest req) {
        HttpMediaType contentType = req.headers().contentType().orElse(null);
        if (contentType == null || !isJson(contentType)) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported media type",
                    "Send the body as application/json.");
        }
        String text = req.content().hasEntity() ? req.content().as(String.class) : "";
        if (text.isBlank()) {
            throw ProblemException.badRequest("A JSON body is required.");
        }
        return text;
    }
}
