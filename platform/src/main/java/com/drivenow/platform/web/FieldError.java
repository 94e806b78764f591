package com.drivenow.platform.web;

/** One invalid field of a request: {@code field} is a JSON path such as {@code customer.email}. */
public record FieldError(String field, String message) {
}
