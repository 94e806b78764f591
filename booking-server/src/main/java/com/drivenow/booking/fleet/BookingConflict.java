package com.drivenow.booking.fleet;

import java.util.UUID;

/**
 * The inventory server could not apply one of our booking events (body of {@code booking.conflict});
 * {@code sourceSequence} is that event's booking sequence, so a conflict about an older state of the
 * booking (null from an older inventory) can be told from a current one.
 */
public record BookingConflict(UUID bookingId, UUID carId, UUID sourceEventId, String sourceEventType,
                              Long sourceSequence, String reason) {

    /** Marks a booking as needing attention, in the consumer's transaction; returns the outcome. */
    @FunctionalInterface
    public interface Listener {
        String conflicted(io.helidon.dbclient.DbTransaction tx, BookingConflict conflict);
    }
}
