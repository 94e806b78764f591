package com.drivenow.inventory.car;

import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.platform.db.SqlStates;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.MergePatch;
import com.drivenow.platform.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every change a fleet manager makes to a car: each runs in one transaction together with the
 * fleet event that announces it, and wakes the outbox relay after the commit.
 */
public final class CarCommands {

    private static final Set<String> EDITABLE = Set.of("plate", "make", "model", "year", "category", "seats",
            "transmission", "fuelType", "dailyRate", "location", "mileageKm");
    private static final Set<String> MANAGED = Set.of("id", "status", "version", "createdAt", "updatedAt");

    private static final System.Logger LOG = System.getLogger(CarCommands.class.getName());

    private static final String PLATE_CONSTRAINT = "car_plate_unique";

    private final DbClient db;
    private final CarRepository cars;
    private final OpenBookings openBookings;
    private final FleetEvents events;
    private final CarValidator validator;

    public CarCommands(DbClient db, CarRepository cars, OpenBookings openBookings, FleetEvents events,
                       CarValidator validator) {
        this.db = db;
        this.cars = cars;
        this.openBookings = openBookings;
        this.events = events;
        this.validator = validator;
    }

    public Car create(CarDraft draft) {
        CarSpec spec = validator.validate(draft);
        return write(spec.plate(), tx -> {
            Car car = cars.insert(tx, UUID.randomUUID(), spec);
            events.carAdded(tx, car);
            return car;
        });
    }

    /**
     * Applies a merge patch. Optimistic: the car is read without a lock and the update only succeeds
     * if nobody changed it in between, so of two patches made from the same version exactly one wins.
     */
    public Car update(UUID id, Optional<Long> expectedVersion, JsonNode patch) {
        Car current = cars.find(db.execute(), id).orElseThrow(() -> notFound(id));
        expectVersion(current, expectedVersion);
        CarTransitions.requireEditable(current);
        CarSpec spec = validator.validate(merged(current, patch));
        if (spec.mileageKm() < current.mileageKm()) {
            throw ProblemException.invalid(List.of(new FieldError("mileageKm",
                    "cannot go down: the car has " + current.mileageKm() + " km")));
        }
        if (spec.equals(validator.validate(current.toDraft()))) {
            return current;
        }
        return write(spec.plate(), tx -> {
            Car updated = cars.update(tx, current, spec).orElseThrow(() -> changedMeanwhile(current));
            events.carChanged(tx, updated);
            return updated;
        });
    }

    public Car startMaintenance(UUID id, Optional<Long> expectedVersion) {
        return changeStatus(id, expectedVersion, (tx, car) -> CarTransitions.startMaintenance(car));
    }

    public Car endMaintenance(UUID id, Optional<Long> expectedVersion) {
        return changeStatus(id, expectedVersion, (tx, car) -> CarTransitions.endMaintenance(car));
    }

    public Car retire(UUID id, Optional<Long> expectedVersion) {
        return changeStatus(id, expectedVersion,
                (tx, car) -> CarTransitions.retire(car, openBookings.count(tx, car.id())));
    }

    /**
     * Sets the odometer to a corrected reading, lower or higher: the one way a wrong reading (a typo
     * at a return) leaves the car. Locks the car row like the booking-events consumer, so the
     * correction and a hand-over arriving at the same moment are applied one after the other.
     */
    public Car correctOdometer(UUID id, Optional<Long> expectedVersion, OdometerCorrection correction) {
        correction.validate();
        return write(null, tx -> {
            Car current = cars.lock(tx, id).orElseThrow(() -> notFound(id));
            expectVersion(current, expectedVersion);
            CarTransitions.requireEditable(current);
            Car corrected = cars.moveTo(tx, current, current.status(), current.rentedBy(), correction.mileageKm())
                    .orElseThrow(() -> changedMeanwhile(current));
            events.carChanged(tx, corrected);
            LOG.log(System.Logger.Level.INFO, "Odometer of {0} corrected from {1} to {2} km: {3}", current.plate(),
                    current.mileageKm(), correction.mileageKm(), correction.reason().trim());
            return corrected;
        });
    }

    /**
     * Status changes lock the car row: the booking-events consumer locks it too, so a retire and a
     * booking arriving for the same car are decided one after the other, never both.
     */
    private Car changeStatus(UUID id, Optional<Long> expectedVersion,
                             BiFunction<DbTransaction, Car, CarStatus> transition) {
        return write(null, tx -> {
            Car current = cars.lock(tx, id).orElseThrow(() -> notFound(id));
            expectVersion(current, expectedVersion);
            CarStatus target = transition.apply(tx, current);
            if (target == current.status()) {
                return current;
            }
            Car moved = cars.moveTo(tx, current, target, null, current.mileageKm())
                    .orElseThrow(() -> changedMeanwhile(current));
            events.carStatusChanged(tx, moved);
            return moved;
        });
    }

    private Car write(String plate, Function<DbTransaction, Car> work) {
        Car car;
        try {
            car = Transactions.inTransaction(db, work);
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.FOREIGN_KEY_VIOLATION)) {
                throw ProblemException.invalid(List.of(new FieldError("location",
                        "is not a branch: add it under /api/v1/branches first, or pick one listed there")));
            }
            if (SqlStates.constraint(e, SqlStates.UNIQUE_VIOLATION).filter(PLATE_CONSTRAINT::equals).isPresent()) {
                throw ProblemException.conflict("A car with plate " + plate + " already exists.");
            }
            throw e;
        }
        events.committed();
        return car;
    }

    private static CarDraft merged(Car current, JsonNode patch) {
        return MergePatch.apply(current.toDraft(), patch, EDITABLE, MANAGED, CarDraft.class);
    }

    private static void expectVersion(Car car, Optional<Long> expected) {
        expected.filter(v -> v != car.version()).ifPresent(v -> {
            throw ProblemException.conflict("Car " + car.plate() + " is at version " + car.version() + ", not " + v
                    + ": reload it and apply your change again.");
        });
    }

    private static ProblemException changedMeanwhile(Car car) {
        return ProblemException.conflict("Car " + car.plate() + " was changed by someone else at the same time"
                + " (it was at version " + car.version() + "): reload it and apply your change again.");
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("There is no car with id " + id + ".");
    }
}
