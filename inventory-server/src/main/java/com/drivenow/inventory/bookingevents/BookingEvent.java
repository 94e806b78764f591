package com.drivenow.inventory.bookingevents;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of every {@code booking.*} event. Unknown fields are tolerated so that the booking
 * server can add to its events without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingEvent(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId,
                           Long sequence, Instant from, Instant to, String status, Long mileageKm,
                           JsonNode booking) {
}
