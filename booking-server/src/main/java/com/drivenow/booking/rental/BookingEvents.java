package com.drivenow.booking.rental;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.outbox.Outbox;
import com.drivenow.platform.outbox.OutboxMessage;
import io.helidon.dbclient.DbTransaction;

import java.time.Instant;
import java.util.UUID;

/** Writes the booking events of ARCHITECTURE.md into the outbox, in the transaction of the change. */
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

    record Body(UUID eventId, String eventType, Instant occurredAt, UUID bookingId, UUID carId, int sequence,
                Instant from, Instant to, BookingStatus status, Long mileageKm, Booking booking) {
    }

    void append(DbTransaction tx, String type, StoredBooking stored, Instant occurredAt) {
        Booking b = stored.booking();
        Long mileage = switch (type) {
            case PICKED_UP -> b.mileageOutKm();
            case RETURNED -> b.mileageInKm();
            default -> null;
        };
        UUID eventId = UUID.randomUUID();
        Body body = new Body(eventId, type, occurredAt, b.id(), b.carId(), stored.sequence(), b.from(), b.to(),
                b.status(), mileage, b);
        outbox.append(tx, new OutboxMessage(eventId, topology.bookingExchange(), type, Json.write(body)));
    }

    /** Call after the commit: the relay publishes at once instead of at its next poll. */
    void committed() {
        outbox.committed();
    }
}
