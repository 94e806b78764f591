package com.drivenow.inventory.fleet;

import com.drivenow.inventory.branch.Branch;
import com.drivenow.inventory.car.Car;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.outbox.Outbox;
import com.drivenow.platform.outbox.OutboxMessage;
import io.helidon.dbclient.DbTransaction;

import java.time.Clock;
import java.util.UUID;

/**
 * Writes fleet events into the outbox inside the transaction that made the change, so an event
 * exists exactly when its change committed. Call {@link #committed()} after the commit to have the
 * relay publish at once.
 */
public final class FleetEvents {

    private final MessagingTopology topology;
    private final Outbox outbox;
    private final Clock clock;

    public FleetEvents(MessagingTopology topology, Outbox outbox, Clock clock) {
        this.topology = topology;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void carAdded(DbTransaction tx, Car car) {
        carEvent(tx, FleetEventType.CAR_ADDED, car);
    }

    public void carChanged(DbTransaction tx, Car car) {
        carEvent(tx, FleetEventType.CAR_CHANGED, car);
    }

    public void carStatusChanged(DbTransaction tx, Car car) {
        carEvent(tx, FleetEventType.CAR_STATUS_CHANGED, car);
    }

    public void branchAdded(DbTransaction tx, Branch branch) {
        branchEvent(tx, FleetEventType.BRANCH_ADDED, branch);
    }

    public void branchChanged(DbTransaction tx, Branch branch) {
        branchEvent(tx, FleetEventType.BRANCH_CHANGED, branch);
    }

    /** What a conflict is about: the booking event inventory could not apply. */
    public record ConflictSource(UUID bookingId, UUID carId, UUID eventId, String eventType, Long sequence) {
    }

    public void bookingConflict(DbTransaction tx, ConflictSource source, String reason) {
        UUID eventId = UUID.randomUUID();
        String type = FleetEventType.BOOKING_CONFLICT.routingKey();
        append(tx, eventId, type, new BookingConflict(eventId, type, clock.instant(), source.bookingId(),
                source.carId(), source.eventId(), source.eventType(), source.sequence(), reason));
    }

    /** Wakes the relay; call after the transaction that appended events has committed. */
    public void committed() {
        outbox.committed();
    }

    private void carEvent(DbTransaction tx, FleetEventType type, Car car) {
        UUID eventId = UUID.randomUUID();
        append(tx, eventId, type.routingKey(),
                new CarEvent(eventId, type.routingKey(), clock.instant(), car.id(), car.version(), car));
    }

    private void branchEvent(DbTransaction tx, FleetEventType type, Branch branch) {
        UUID eventId = UUID.randomUUID();
        append(tx, eventId, type.routingKey(),
                new BranchEvent(eventId, type.routingKey(), clock.instant(), branch.code(), branch.version(), branch));
    }

    private void append(DbTransaction tx, UUID eventId, String routingKey, Object body) {
        outbox.append(tx, new OutboxMessage(eventId, topology.fleetExchange(), routingKey, Json.write(body)));
    }
}
