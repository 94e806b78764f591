package com.drivenow.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The RFC 9457 body every DriveNow error carries. {@code errors} only for validation failures. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code type} is a stable URI per status, so clients can switch on it. */
    public static String typeFor(int status) {
        return "https://drivenow.example/problems/" + status;
    }
}
