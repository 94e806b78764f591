package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks the invariants from outside, over the servers' databases and the broker: what clients were
 * told was created exists and bookings hold cars by physical state without doubling
 * ({@link HoldAudit}), inventory's cars show the bookings that have them out ({@link CarStateAudit}),
 * every booking event was applied exactly once, nothing is left in an outbox, only the poison
 * is parked, no request failed for a retrying client during a rolling restart, and every desk was
 * shown every booking change while its gateway was up ({@link LiveEventAudit}).
 */
final class SystemAudit {

    private static final String BOOKING_EVENTS = "FROM processed_event WHERE consumer = 'inventory-booking-events' "
            + "AND message_type LIKE 'booking.%'";

    private final Sql booking;
    private final Sql inventory;
    private final ParkingQueues parking;
    private final UUID poison;

    SystemAudit(DriveNowSystem system, ParkingQueues parking, UUID poison) {
        this.booking = new Sql(system.databaseUrl(Server.BOOKING));
        this.inventory = new Sql(system.databaseUrl(Server.INVENTORY));
        this.parking = parking;
        this.poison = poison;
    }

    /**
     * Waits until both outboxes are empty and inventory has processed (applied or parked) as many
     * booking events as were published, or {@code patience} is over.
     */
    void awaitSettled(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !settled()) {
            Pause.quietly(Duration.ofMillis(500));
        }
    }

    private boolean settled() {
        return booking.count("SELECT count(*) FROM outbox_message") == 0
                && inventory.count("SELECT count(*) FROM outbox_message") == 0
                && inventory.count("SELECT count(*) " + BOOKING_EVENTS + " AND event_id <> '" + poison + "'")
                >= booking.count("SELECT coalesce(sum(sequence), 0) FROM booking");
    }

    AuditResult audit(LoadFigures load, DeliveryCounters.Deliveries deliveries, RestartFigures restarts,
                      List<LiveEventWatcher> watchers, Outages outages) {
        Violations violations = new Violations();
        Map<UUID, BookingRow> bookings = BookingRow.all(booking);

        HoldAudit holds = new HoldAudit(booking);
        IntegrityFigures integrity = new IntegrityFigures(holds.lost(load.createdBookings(), bookings, violations),
                holds.doubled(bookings, violations), new CarStateAudit(inventory).inconsistent(bookings, violations));
        requireEmptyOutbox("booking", booking, violations);
        requireEmptyOutbox("inventory", inventory, violations);
        EventFigures events = events(bookings, deliveries, violations);

        List<String> parkedByInventory = parking.parkedByInventory();
        if (!parkedByInventory.contains(poison.toString())) {
            violations.add("the poison " + poison + " is not in inventory's parking queue");
        }
        violations.report("events besides the poison in inventory's parking queue",
                parkedByInventory.stream().filter(id -> !id.equals(poison.toString())).toList());
        violations.report("events in booking's parking queue", parking.parkedByBooking());
        if (load.gaveUp() > 0) {
            violations.add(load.gaveUp() + " requests got no answer however long they were retried");
        }
        if (restarts.failedInRollingRestarts() > 0) {
            violations.add(restarts.failedInRollingRestarts() + " requests failed during rolling restarts");
        }
        List<LiveEventFigures> live = new LiveEventAudit(booking, outages).audit(watchers, violations);
        return new AuditResult(load, events, integrity, parkedByInventory, restarts, live, violations.lines());
    }

    private EventFigures events(Map<UUID, BookingRow> bookings, DeliveryCounters.Deliveries deliveries,
                                Violations violations) {
        long published = bookings.values().stream().mapToLong(BookingRow::sequence).sum();
        long applied = inventory.count("SELECT count(*) " + BOOKING_EVENTS + " AND outcome NOT LIKE 'parked%'");
        Map<UUID, Long> progress = inventory.query("SELECT booking_id, last_sequence FROM booking_progress",
                        row -> Map.entry(row.getObject(1, UUID.class), row.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long lost = bookings.values().stream()
                .mapToLong(b -> Math.max(0, b.sequence() - progress.getOrDefault(b.id(), 0L))).sum();
        if (lost > 0) {
            violations.add(lost + " booking events never reached inventory");
        }
        if (applied != published) {
            violations.add("inventory recorded " + applied + " booking events as processed, the booking server published "
                    + published + " (each must be applied exactly once)");
        }
        return new EventFigures(published, applied, deliveries.duplicates(), deliveries.redelivered(), lost);
    }

    private static void requireEmptyOutbox(String server, Sql db, Violations violations) {
        long waiting = db.count("SELECT count(*) FROM outbox_message");
        if (waiting > 0) {
            violations.add(waiting + " messages stuck in the " + server + " server's outbox");
        }
    }
}
