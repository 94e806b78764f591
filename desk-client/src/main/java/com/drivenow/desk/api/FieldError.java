package com.drivenow.desk.api;

public record FieldError(String field, String message) {
}
