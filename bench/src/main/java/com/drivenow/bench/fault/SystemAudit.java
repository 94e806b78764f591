package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.client.Fleet;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the invariants from outside, over the servers' databases and the broker: what clients were
 * told was created exists, no two holding bookings of a car overlap, every booking event was applied
 * exactly once and the cars show it, nothing is left in an outbox, and only the poison is parked.
 */
final class SystemAudit {

    private static final String HOLDING = "('RESERVED', 'ACTIVE', 'NEEDS_ATTENTION')";
    private static final String BOOKING_EVENTS = "FROM processed_event WHERE consumer = 'inventory-booking-events' "
            + "AND message_type LIKE 'booking.%'";

    private record BookingRow(UUID id, UUID carId, String status, int sequence, Long mileageOut, Long mileageIn) {
    }

    private record CarRow(UUID id, String status, UUID rentedBy, long mileage) {
    }

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

    AuditResult audit(LoadFigures load, DeliveryCounters.Deliveries deliveries) {
        List<String> violations = new ArrayList<>();
        Map<UUID, BookingRow> bookings = byId(booking.query("SELECT id, car_id, status, sequence, mileage_out_km, "
                        + "mileage_in_km FROM booking", row -> new BookingRow(row.getObject(1, UUID.class),
                        row.getObject(2, UUID.class), row.getString(3), row.getInt(4),
                        (Long) row.getObject(5), (Long) row.getObject(6))), BookingRow::id);

        load.createdBookings().forEach((id, car) -> {
            BookingRow row = bookings.get(id);
            if (row == null || !row.carId().equals(car)) {
                violations.add("booking " + id + " was answered 201 but is not in the database for car " + car);
            }
        });
        long overlaps = booking.count("SELECT count(*) FROM booking a JOIN booking b ON a.car_id = b.car_id "
                + "AND a.id < b.id WHERE a.status IN " + HOLDING + " AND b.status IN " + HOLDING
                + " AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')");
        if (overlaps > 0) {
            violations.add(overlaps + " pairs of holding bookings overlap");
        }
        requireEmptyOutbox("booking", booking, violations);
        requireEmptyOutbox("inventory", inventory, violations);

        EventFigures events = events(bookings, deliveries, violations);
        checkCars(bookings, violations);

        List<String> parkedByInventory = parking.parkedByInventory();
        if (!parkedByInventory.equals(List.of(poison.toString()))) {
            violations.add("inventory's parking queue holds " + parkedByInventory + ", expected only the poison " + poison);
        }
        List<String> parkedByBooking = parking.parkedByBooking();
        if (!parkedByBooking.isEmpty()) {
            violations.add("booking's parking queue holds " + parkedByBooking);
        }
        return new AuditResult(load, events, parkedByInventory, violations);
    }

    private EventFigures events(Map<UUID, BookingRow> bookings, DeliveryCounters.Deliveries deliveries,
                                List<String> violations) {
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

    /** Each car shows its last event: RENTED by its active booking, else AVAILABLE; the latest mileage. */
    private void checkCars(Map<UUID, BookingRow> bookings, List<String> violations) {
        Map<UUID, List<BookingRow>> byCar = bookings.values().stream().collect(Collectors.groupingBy(BookingRow::carId));
        for (CarRow car : inventory.query("SELECT id, status, rented_by, mileage_km FROM car",
                row -> new CarRow(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                        row.getLong(4)))) {
            List<BookingRow> rentals = byCar.getOrDefault(car.id(), List.of());
            UUID active = rentals.stream().filter(b -> b.status().equals("ACTIVE")).map(BookingRow::id)
                    .findFirst().orElse(null);
            String status = active == null ? "AVAILABLE" : "RENTED";
            long mileage = rentals.stream().flatMap(b -> Stream.of(b.mileageOut(), b.mileageIn()))
                    .filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(Fleet.INITIAL_MILEAGE_KM);
            if (!car.status().equals(status) || !Objects.equals(car.rentedBy(), active) || car.mileage() != mileage) {
                violations.add("car " + car.id() + " is " + car.status() + " by " + car.rentedBy() + " at "
                        + car.mileage() + " km; its bookings say " + status + " by " + active + " at " + mileage + " km");
            }
        }
    }

    private static void requireEmptyOutbox(String server, Sql db, List<String> violations) {
        long waiting = db.count("SELECT count(*) FROM outbox_message");
        if (waiting > 0) {
            violations.add(waiting + " messages stuck in the " + server + " server's outbox");
        }
    }

    private static <K, V> Map<K, V> byId(List<V> rows, Function<V, K> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
