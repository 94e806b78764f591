package com.drivenow.bench.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bookings against what clients were told and against each other, by physical state: every 201 is
 * a booking of its car; a car is out on at most one booking; no two bookings hold a car at
 * overlapping times. A booking holds its car from the earlier of its start and its pick-up until
 * the earlier of its end and its return (its end while not returned); a booking cancelled before
 * pick-up holds nothing.
 */
final class HoldAudit {

    private static final String OVERLAPPING_HOLDS = """
            WITH hold AS (
                SELECT id, car_id, status,
                       tstzrange(least(starts_at, picked_up_at),
                                 CASE WHEN returned_at IS NOT NULL THEN least(ends_at, returned_at) ELSE ends_at END,
                                 '[)') AS span
                FROM booking
                WHERE cancelled_at IS NULL OR picked_up_at IS NOT NULL)
            SELECT a.car_id, a.id, a.status, b.id, b.status
            FROM hold a JOIN hold b ON a.car_id = b.car_id AND a.id < b.id AND a.span && b.span""";

    private final Sql booking;

    HoldAudit(Sql booking) {
        this.booking = booking;
    }

    /** Bookings answered 201 that the database does not have for their car. */
    long lost(Map<UUID, UUID> created, Map<UUID, BookingRow> bookings, Violations violations) {
        List<String> lost = created.entrySet().stream()
                .filter(answered -> {
                    BookingRow row = bookings.get(answered.getKey());
                    return row == null || !row.carId().equals(answered.getValue());
                })
                .map(answered -> answered.getKey() + " for car " + answered.getValue()).toList();
        return violations.report("bookings answered 201 are not in the database", lost);
    }

    /** Pairs of overlapping holds, plus cars out on more than one booking. */
    long doubled(Map<UUID, BookingRow> bookings, Violations violations) {
        List<String> overlaps = booking.query(OVERLAPPING_HOLDS, row -> "car " + row.getObject(1) + ": "
                + row.getObject(2) + " (" + row.getString(3) + ") and " + row.getObject(4) + " (" + row.getString(5) + ")");
        List<String> twiceOut = BookingRow.outByCar(bookings).entrySet().stream()
                .filter(car -> car.getValue().size() > 1)
                .map(car -> "car " + car.getKey() + " by " + car.getValue()).toList();
        return violations.report("pairs of bookings hold a car at overlapping times", overlaps)
                + violations.report("cars are out on more than one booking", twiceOut);
    }
}
