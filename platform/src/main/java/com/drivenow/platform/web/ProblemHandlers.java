package com.drivenow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes every error of a server an {@code application/problem+json} answer: our own
 * {@link ProblemException}s, unreadable JSON (400 with the offending field), Helidon's HTTP
 * exceptions, unknown routes (404) and, last, anything unexpected (500 without internals).
 */
public final class ProblemHandlers {

    private static final System.Logger LOG = System.getLogger(ProblemHandlers.class.getName());

    private ProblemHandlers() {
    }

    /** Call after every route is registered: it adds the catch-all 404 route. */
    public static HttpRouting.Builder install(HttpRouting.Builder routing) {
        return routing
                .error(ProblemException.class, (req, res, e) -> ProblemResponses.send(req, res, e))
                .error(Throwable.class, ProblemHandlers::handleUnexpected)
                .any((req, res) -> {
                    throw ProblemException.notFound("No resource at " + req.prologue().method().text()
                            + " " + req.path().absolute().path());
                });
    }

    /** A route handler for a known path called with a method it does not serve. */
    public static void methodNotAllowed(ServerRequest req, ServerResponse res) {
        throw new ProblemException(Status.METHOD_NOT_ALLOWED_405, "Method not allowed",
                req.prologue().method().text() + " is not supported on " + req.path().absolute().path());
    }

    private static void handleUnexpected(ServerRequest req, ServerResponse res, Throwable error) {
        JsonProcessingException json = findCause(error, JsonProcessingException.class);
        if (json != null) {
            ProblemResponses.send(req, res, fromJson(json));
            return;
        }
        HttpException http = findCause(error, HttpException.class);
        if (http != null && http.status().code() < 500) {
            ProblemResponses.send(req, res, http.status(), http.status().reasonPhrase(), http.getMessage(), List.of());
            return;
        }
        RequestException request = findCause(error, RequestException.class);
        if (request != null && request.status().code() < 500) {
            ProblemResponses.send(req, res, request.status(), request.status().reasonPhrase(),
                    request.safeMessage() ? request.getMessage() : request.status().reasonPhrase(), List.of());
            return;
        }
        LOG.log(Level.ERROR, "Unexpected failure on " + req.prologue().method().text() + " "
                + req.path().absolute().path(), error);
        ProblemResponses.send(req, res, Status.INTERNAL_SERVER_ERROR_500, "Internal error",
                "The server failed to handle the request; quote request id " + RequestIds.current()
                        + " to support.", List.of());
    }

    static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ProblemException.invalid(List.of(new FieldError(field, describe(mapping))));
        }
        return ProblemException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read '" + invalid.getValue() + "' as " + simpleType(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + simpleType(mismatched.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.toString(constants);
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant such as 2026-12-01T10:00:00Z";
            case "UUID" -> "a UUID";
            case "BigDecimal" -> "a decimal number";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "String" -> "a string";
            case "boolean", "Boolean" -> "true or false";
            default -> "an object of type " + type.getSimpleName();
        };
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
