package com.drivenow.platform.web;

import io.helidon.http.Status;

import java.util.List;

/**
 * Thrown anywhere in request handling to end the request with an RFC 9457 problem. The
 * {@link ProblemHandlers} turn it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(Status status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Status status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST_400, "Bad request", detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ProblemException(Status.BAD_REQUEST_400, "Invalid request", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN_403, "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND_404, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Status.CONFLICT_409, "Conflict", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Status.PRECONDITION_FAILED_412, "Precondition failed", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Status.SERVICE_UNAVAILABLE_503, "Service unavailable", detail);
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
