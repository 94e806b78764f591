package com.drivenow.bench.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Inventory's cars against the bookings that have them out: a car out on a booking is RENTED by
 * that booking; a RENTED car is out on the booking it names; a car out on none is not RENTED
 * (AVAILABLE, or MAINTENANCE / RETIRED if set so); and its mileage is at least the highest reading
 * any of its bookings took.
 */
final class CarStateAudit {

    private record CarRow(UUID id, String status, UUID rentedBy, long mileage) {
    }

    private final Sql inventory;

    CarStateAudit(Sql inventory) {
        this.inventory = inventory;
    }

    /** Cars whose state disagrees with the bookings, each counted once. */
    long inconsistent(Map<UUID, BookingRow> bookings, Violations violations) {
        Map<UUID, List<UUID>> outByCar = BookingRow.outByCar(bookings);
        Map<UUID, Long> highestReading = bookings.values().stream()
                .flatMap(b -> Stream.of(b.mileageOut(), b.mileageIn()).filter(Objects::nonNull)
                        .map(km -> Map.entry(b.carId(), km)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Math::max));
        List<CarRow> cars = inventory.query("SELECT id, status, rented_by, mileage_km FROM car",
                row -> new CarRow(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                        row.getLong(4)));

        List<String> wrong = new ArrayList<>();
        for (CarRow car : cars) {
            List<UUID> outs = outByCar.getOrDefault(car.id(), List.of());
            List<String> problems = new ArrayList<>();
            boolean rented = car.status().equals("RENTED");
            if (!outs.isEmpty() && !(rented && outs.contains(car.rentedBy()))) {
                problems.add("out on " + outs);
            } else if (outs.isEmpty() && rented) {
                problems.add("out on no booking");
            }
            long highest = highestReading.getOrDefault(car.id(), 0L);
            if (car.mileage() < highest) {
                problems.add("read at " + highest + " km by its bookings");
            }
            if (!problems.isEmpty()) {
                wrong.add("car " + car.id() + " is " + car.status() + (rented ? " by " + car.rentedBy() : "")
                        + " at " + car.mileage() + " km, but " + String.join(" and ", problems));
            }
        }
        Set<UUID> known = cars.stream().map(CarRow::id).collect(Collectors.toSet());
        outByCar.forEach((car, outs) -> {
            if (!known.contains(car)) {
                wrong.add("car " + car + " is out on " + outs + ", but inventory does not know it");
            }
        });
        return violations.report("cars' states in inventory disagree with their bookings", wrong);
    }
}
