package com.drivenow.platform.db;

import io.helidon.dbclient.DbRow;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Reads and binds column values the way the PostgreSQL driver hands them over, so that repositories
 * stay free of driver quirks: timestamptz arrives as {@link Timestamp} (dbclient has no mapper to
 * java.time), SQL NULL makes a column's own get() throw, and instants bind as UTC
 * {@link OffsetDateTime}, which the driver sends as timestamptz.
 */
public final class Rows {

    private Rows() {
    }

    /** The column's value, or null for SQL NULL (a DbColumn's own get() throws on NULL). */
    private static Object raw(DbRow row, String column) {
        return row.column(column).asOptional().orElse(null);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(DbRow row, String column) {
        Object value = raw(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime t -> t.toInstant();
            case Instant t -> t;
            default -> throw new IllegalStateException(column + " is not a timestamp: " + value.getClass());
        };
    }

    public static String text(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static Long longValue(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static Integer intValue(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : ((Number) value).intValue();
    }

    public static BigDecimal decimal(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
