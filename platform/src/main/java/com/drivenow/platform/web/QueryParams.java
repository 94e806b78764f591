package com.drivenow.platform.web;

import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Reads typed query parameters; a malformed value is a 400 naming the parameter. */
public final class QueryParams {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private final Parameters query;

    private QueryParams(Parameters query) {
        this.query = query;
    }

    public static QueryParams of(ServerRequest req) {
        return new QueryParams(req.query());
    }

    public Optional<String> text(String name) {
        return query.first(name).asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    public Optional<Instant> instant(String name) {
        Optional<Instant> parsed = text(name).map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be an ISO-8601 instant with offset, such as 2026-12-01T10:00:00Z");
            }
        });
        if (parsed.isPresent() && !Instants.plausible(parsed.get())) {
            throw invalid(name, Instants.PLAUSIBLE_RANGE);
        }
        return parsed;
    }

    public Instant requiredInstant(String name) {
        return instant(name).orElseThrow(() -> invalid(name, "is required"));
    }

    public Optional<UUID> uuid(String name) {
        return text(name).map(v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw invalid(name, "must be a UUID");
            }
        });
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return text(name).map(v -> {
            try {
                int value = Integer.parseInt(v);
                if (value < min || value > max) {
                    throw invalid(name, "must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw invalid(name, "must be a whole number");
            }
        }).orElse(defaultValue);
    }

    /** {@code page} (from 0) and {@code size} (1..{@value #MAX_PAGE_SIZE}). */
    public PageRequest page() {
        return new PageRequest(integer("page", 0, 0, 1_000_000), integer("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    }

    private static ProblemException invalid(String name, String message) {
        return ProblemException.invalid(java.util.List.of(new FieldError(name, message)));
    }
}
