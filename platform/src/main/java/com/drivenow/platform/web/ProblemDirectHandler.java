package com.drivenow.platform.web;

import com.drivenow.platform.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.List;

/**
 * Answers errors that Helidon raises before routing (a request line it cannot parse, a body over
 * the size limit) as problem+json too, so clients never see a bare text error.
 */
public final class ProblemDirectHandler implements DirectHandler {

    /** Direct handlers for every transport-level error type. */
    public static DirectHandlers all() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        ProblemDirectHandler handler = new ProblemDirectHandler();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String detail = switch (eventType) {
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this server accepts.";
            case BAD_REQUEST -> "The request could not be read: " + message;
            default -> status.code() >= 500 ? "The server could not handle the request." : message;
        };
        Problem problem = new Problem(Problem.typeFor(status.code()), status.reasonPhrase(), status.code(), detail,
                request.path(), null, List.of());
        headers.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Json.write(problem))
                .build();
    }
}
