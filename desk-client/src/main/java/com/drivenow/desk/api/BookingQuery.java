package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

/** Filters of {@code GET /api/v1/bookings}; null means "any". */
public record BookingQuery(BookingStatus status, UUID carId, String text, Instant from, Instant to) {

    public static BookingQuery text(String text) {
        return new BookingQuery(null, null, text, null, null);
    }

    public static BookingQuery status(BookingStatus status) {
        return new BookingQuery(status, null, null, null, null);
    }

    public static BookingQuery window(Instant from, Instant to) {
        return new BookingQuery(null, null, null, from, to);
    }
}
