package com.drivenow.bench.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One booking as the audit reads it from the booking server's database. It is {@code out} while
 * the car is physically with the customer: picked up and not returned, whatever its status says
 * (NEEDS_ATTENTION included).
 */
record BookingRow(UUID id, UUID carId, String status, int sequence, boolean out, Long mileageOut, Long mileageIn) {

    static Map<UUID, BookingRow> all(Sql booking) {
        return booking.query("SELECT id, car_id, status, sequence, picked_up_at IS NOT NULL AND returned_at IS NULL, "
                        + "mileage_out_km, mileage_in_km FROM booking",
                row -> new BookingRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getInt(4), row.getBoolean(5), (Long) row.getObject(6), (Long) row.getObject(7)))
                .stream().collect(Collectors.toMap(BookingRow::id, Function.identity()));
    }

    /** The bookings that have their car out, by car. */
    static Map<UUID, List<UUID>> outByCar(Map<UUID, BookingRow> bookings) {
        return bookings.values().stream().filter(BookingRow::out).collect(
                Collectors.groupingBy(BookingRow::carId, Collectors.mapping(BookingRow::id, Collectors.toList())));
    }

    @Override
    public String toString() {
        return id + " (" + status + (out ? ", out" : "") + ")";
    }
}
