package com.drivenow.platform.web;

import com.drivenow.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/** Writes an RFC 9457 problem as the whole response. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(ServerRequest req, ServerResponse res, ProblemException problem) {
        send(req, res, problem.status(), problem.title(), problem.detail(), problem.errors());
    }

    public static void send(ServerRequest req, ServerResponse res, Status status, String title, String detail,
                            List<FieldError> errors) {
        Problem body = new Problem(Problem.typeFor(status.code()), title, status.code(), detail,
                req.path().absolute().path(), RequestIds.current(), errors);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        res.send(Json.write(body));
    }
}
