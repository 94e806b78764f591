package com.drivenow.platform.db;

import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads the column types dbclient-jdbc cannot map by itself: PostgreSQL's timestamptz arrives as
 * {@link Timestamp}, which has no registered mapper to {@code java.time}.
 */
public final class Rows {

    private Rows() {
    }

    /** A timestamptz column as an {@link Instant}, or null. */
    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get();
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalArgumentException("Column " + column + " is not a timestamp: " + value.getClass());
        };
    }
}
