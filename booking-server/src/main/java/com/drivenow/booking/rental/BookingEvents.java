package com.drivenow.booking.rental;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.outbox.Outbox;
import com.drivenow.platform.outbox.OutboxMessage;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.time.Instant;
import java.util.UUID;

/** Writes the booking events of docs/asyncapi.yaml into the outbox, in the transaction of the change. */
final class BookingEvents {

    static final String CREATED = "booking.created";
    static final String PICKED_UP = "booking.picked-up";
    static final String RETURNED = "booking.returned";
    static final String CANCELLED = "booking.cancelled";
    static final String NEEDS_ATTENTION = "booking.needs-attention";

    private final Outbox outbox;
    private final MessagingTopology topology;

    BookingEvents(Outbox outbox, MessagingTopology topology) {
        this.outbox = outbox;
        this.topology = topology;
    }

    /**
     * What the booking server's record says of the car after this change: the per-car sequence of
     * the event, and the booking the car is out with (null when it is on the lot). Inventory applies
     * it latest-wins per car, so reordered or redelivered events cannot move the car backwards.
     */
    record CarState(long sequence, UUID outWith) {
    }

    record Body(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId, int sequence,
                Instant from, Instant to, BookingStatus status, Long mileageKm, CarState carState,
                boolean createdByIntegration, Booking booking) {
    }

    void append(DbTransaction tx, String type, StoredBooking stored, Instant occurredAt) {
        Booking b = stored.booking();
        Long mileage = switch (type) {
            case PICKED_UP -> b.progress().handOver().mileageOutKm();
            case RETURNED -> b.progress().carReturn().mileageInKm();
            default -> null;
        };
        UUID eventId = UUID.randomUUID();
        Body body = new Body(eventId, type, occurredAt, b.id(), b.carId(), stored.sequence(), b.window().from(),
                b.window().to(), b.status(), mileage, carState(tx, b.carId()), stored.createdByIntegration(), b);
        outbox.append(tx, new OutboxMessage(eventId, topology.bookingExchange(), type, Json.write(body)));
    }

    /**
     * Takes the car's next event sequence first: its row lock makes the car's transactions commit in
     * sequence order, so the state read after it includes every change with a lower sequence.
     */
    private static CarState carState(DbTransaction tx, UUID carId) {
        long sequence = tx.createGet("INSERT INTO car_event_sequence AS s (car_id, last_sequence) VALUES (:car, 1) "
                        + "ON CONFLICT (car_id) DO UPDATE SET last_sequence = s.last_sequence + 1 RETURNING last_sequence")
                .addParam("car", carId)
                .execute()
                .map(row -> row.column("last_sequence").getLong())
                .orElseThrow();
        UUID outWith = tx.createGet("SELECT b.id FROM booking b WHERE b.car_id = :car AND " + CarHolds.OUT)
                .addParam("car", carId)
                .execute()
                .map(BookingEvents::id)
                .orElse(null);
        return new CarState(sequence, outWith);
    }

    private static UUID id(DbRow row) {
        return row.column("id").get(UUID.class);
    }

    /** Call after the commit: the relay publishes at once instead of at its next poll. */
    void committed() {
        outbox.committed();
    }
}
