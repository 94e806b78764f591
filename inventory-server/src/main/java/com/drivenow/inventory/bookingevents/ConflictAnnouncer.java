package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.platform.messaging.EventHandler;
import com.drivenow.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbTransaction;

import java.util.Optional;
import java.util.UUID;

/**
 * When a booking event is parked, tells the booking server with a {@code booking.conflict} event,
 * written in the same transaction that records the event as parked. An event without a readable
 * booking id names no booking to mark, so only the parking queue shows it.
 */
public final class ConflictAnnouncer implements EventHandler.ParkedListener {

    private final FleetEvents events;

    public ConflictAnnouncer(FleetEvents events) {
        this.events = events;
    }

    @Override
    public void parked(DbTransaction tx, IncomingEvent event, String reason) {
        JsonNode sequence = event.body().get("sequence");
        uuid(event.body(), "bookingId").ifPresent(bookingId -> events.bookingConflict(tx,
                new FleetEvents.ConflictSource(bookingId, uuid(event.body(), "carId").orElse(null), event.id(),
                        event.type(), sequence != null && sequence.canConvertToLong() ? sequence.asLong() : null),
                reason));
    }

    private static Optional<UUID> uuid(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
