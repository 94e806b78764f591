package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.fleet.FleetEvents;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of every {@code booking.*} event. Unknown fields are tolerated so that the booking
 * server can add to its events without breaking this consumer. {@code sequence} orders one
 * booking's events, {@code carState.sequence} all booking events of the car.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingEvent(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId,
                           Long sequence, Instant from, Instant to, String status, Long mileageKm,
                           CarState carState, JsonNode booking) {

    /** The state the booking server's record implies for the car: out with {@code outWith}, or back (null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CarState(Long sequence, UUID outWith) {
    }

    FleetEvents.ConflictSource conflictSource() {
        return new FleetEvents.ConflictSource(bookingId, carId, eventId, eventType, sequence);
    }
}
