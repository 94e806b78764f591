package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.car.OpenBookings;
import io.helidon.dbclient.DbTransaction;

import java.util.UUID;

/**
 * The {@code booking_progress} table: per booking, the highest event sequence applied and whether
 * the booking is still open. Fed only by the booking-events consumer.
 */
public final class BookingProgressRepository implements OpenBookings {

    /** What inventory knew of a booking before this event: its sequence (0 if new) and openness. */
    public record Progress(long lastSequence, boolean open) {
    }

    /** Reads (creating it when new) and locks the booking's progress row for this transaction. */
    public Progress lock(DbTransaction tx, UUID bookingId, UUID carId) {
        tx.insert("INSERT INTO booking_progress (booking_id, car_id, last_sequence, open) VALUES (?, ?, 0, true) "
                + "ON CONFLICT (booking_id) DO NOTHING", bookingId, carId);
        return tx.get("SELECT last_sequence, open FROM booking_progress WHERE booking_id = ? FOR UPDATE", bookingId)
                .map(row -> new Progress(row.column("last_sequence").get(Long.class),
                        row.column("open").get(Boolean.class)))
                .orElseThrow();
    }

    public void advance(DbTransaction tx, UUID bookingId, long sequence, String eventType, boolean open) {
        tx.update("UPDATE booking_progress SET last_sequence = ?, last_event = ?, open = ?, updated_at = now() "
                + "WHERE booking_id = ?", sequence, eventType, open, bookingId);
    }

    @Override
    public long count(DbTransaction tx, UUID carId) {
        return tx.get("SELECT count(*) AS n FROM booking_progress WHERE car_id = ? AND open", carId)
                .map(row -> row.column("n").get(Long.class))
                .orElse(0L);
    }
}
