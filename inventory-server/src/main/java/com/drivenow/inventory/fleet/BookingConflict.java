package com.drivenow.inventory.fleet;

import java.time.Instant;
import java.util.UUID;

/**
 * Body of {@code booking.conflict}: inventory could not apply a booking event, and why;
 * {@code sourceSequence} is that event's booking sequence, so the booking server ignores a conflict
 * about a state the booking has already left.
 */
public record BookingConflict(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId,
                              UUID sourceEventId, String sourceEventType, Long sourceSequence, String reason) {
}
