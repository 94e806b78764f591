package com.drivenow.desk.api;

import java.util.List;

/** A problem+json answer (RFC 9457) from the gateway. */
public final class ProblemException extends GatewayException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> fieldErrors;
    private final String requestId;

    public ProblemException(int status, String title, String detail, List<FieldError> fieldErrors, String requestId) {
        super(agentMessage(status, title, detail, fieldErrors), null);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Quoted to support so they can find the call in the servers' logs. */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean isOutage() {
        return status == 502 || status == 503 || status == 504;
    }

    private static String agentMessage(int status, String title, String detail, List<FieldError> fieldErrors) {
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            // The field list says it all; a detail that merely repeats it would show every line twice.
            StringBuilder text = new StringBuilder("Please correct:");
            fieldErrors.forEach(e -> text.append("\n• ").append(e.field()).append(": ").append(e.message()));
            return text.toString();
        }
        String said = detail != null && !detail.isBlank() ? detail : title;
        if (said == null || said.isBlank()) {
            said = switch (status) {
                case 401 -> "You are not signed in.";
                case 403 -> "Your role does not allow this.";
                case 404 -> "Not found.";
                case 429 -> "Too many requests; wait a moment and try again.";
                default -> "The gateway refused the request (HTTP " + status + ").";
            };
        }
        return status >= 502 && status <= 504 ? "A DriveNow server is down: " + said : said;
    }
}
