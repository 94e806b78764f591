package com.drivenow.inventory.fleet;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code booking.conflict}: inventory could not apply a booking event, and why. */
public record BookingConflict(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId,
                              UUID sourceEventId, String sourceEventType, String reason) {
}
