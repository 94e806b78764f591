package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.car.Car;
import com.drivenow.inventory.car.CarRepository;
import com.drivenow.inventory.car.CarStatus;
import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.platform.messaging.EventHandler;
import com.drivenow.platform.messaging.IncomingEvent;
import com.drivenow.platform.messaging.PoisonEventException;
import io.helidon.dbclient.DbTransaction;

import java.util.Optional;
import java.util.UUID;

/**
 * Moves cars as bookings progress (ARCHITECTURE.md, "What inventory does with booking events"):
 * picked up -> RENTED by that booking, returned -> AVAILABLE; keeps which bookings are open; and
 * ignores any event whose sequence is not above the booking's high-water mark, so a stale or
 * out-of-order event can never move a car backwards. Events it can never apply are poison: the
 * consumer parks them and {@link ConflictAnnouncer} tells the booking server.
 */
public final class BookingEventHandler implements EventHandler {

    private final CarRepository cars;
    private final BookingProgressRepository progress;
    private final FleetEvents events;

    public BookingEventHandler(CarRepository cars, BookingProgressRepository progress, FleetEvents events) {
        this.cars = cars;
        this.progress = progress;
        this.events = events;
    }

    @Override
    public String handle(DbTransaction tx, IncomingEvent incoming) {
        Optional<BookingEventType> type = BookingEventType.of(incoming.type());
        if (type.isEmpty()) {
            return "ignored: inventory has nothing to do with " + incoming.type();
        }
        BookingEvent event = incoming.bodyAs(BookingEvent.class);
        if (event.bookingId() == null || event.carId() == null || event.sequence() == null) {
            throw new PoisonEventException("bookingId, carId and sequence are required");
        }
        // Lock order car -> progress, the same as every other writer of these rows.
        Car car = cars.lock(tx, event.carId())
                .orElseThrow(() -> new PoisonEventException("unknown car " + event.carId()));
        BookingProgressRepository.Progress known = progress.lock(tx, event.bookingId(), event.carId());
        if (event.sequence() <= known.lastSequence()) {
            return "stale: sequence " + event.sequence() + ", booking already at " + known.lastSequence();
        }
        Step step = switch (type.get()) {
            case CREATED -> created(tx, incoming, event, car);
            case PICKED_UP -> pickedUp(tx, event, car);
            case RETURNED -> returned(tx, event, car);
            case CANCELLED -> new Step("applied: booking closed", false);
            case NEEDS_ATTENTION -> new Step("applied: nothing to move", known.open());
        };
        progress.advance(tx, event.bookingId(), event.sequence(), incoming.type(), step.open());
        return step.outcome();
    }

    /** What applying an event did, and whether the booking is open afterwards. */
    private record Step(String outcome, boolean open) {
    }

    private Step created(DbTransaction tx, IncomingEvent incoming, BookingEvent event, Car car) {
        if (car.status() == CarStatus.RETIRED) {
            throw new PoisonEventException("car " + car.plate() + " is retired");
        }
        if (car.status() == CarStatus.MAINTENANCE) {
            events.bookingConflict(tx, event.bookingId(), car.id(), incoming.id(), incoming.type(),
                    "car " + car.plate() + " is in maintenance");
            return new Step("applied: conflict announced, car in maintenance", true);
        }
        return new Step("applied: booking open", true);
    }

    private Step pickedUp(DbTransaction tx, BookingEvent event, Car car) {
        return switch (car.status()) {
            case RETIRED -> throw new PoisonEventException("car " + car.plate() + " is retired");
            case MAINTENANCE -> throw new PoisonEventException("car " + car.plate() + " is in maintenance");
            case RENTED -> {
                if (!event.bookingId().equals(car.rentedBy())) {
                    throw new PoisonEventException("car " + car.plate() + " is out on another booking " + car.rentedBy());
                }
                yield new Step("applied: car already out on this booking", true);
            }
            case AVAILABLE -> {
                move(tx, car, CarStatus.RENTED, event.bookingId(), event.mileageKm());
                yield new Step("applied: car RENTED", true);
            }
        };
    }

    private Step returned(DbTransaction tx, BookingEvent event, Car car) {
        if (car.status() == CarStatus.RENTED && event.bookingId().equals(car.rentedBy())) {
            move(tx, car, CarStatus.AVAILABLE, null, event.mileageKm());
            return new Step("applied: car AVAILABLE", false);
        }
        // Not out on this booking (its pick-up was never seen, or came late): keep the status, but
        // still learn the newer mileage.
        if (car.status() != CarStatus.RETIRED && event.mileageKm() != null && event.mileageKm() > car.mileageKm()) {
            Car updated = cars.moveTo(tx, car, car.status(), car.rentedBy(), event.mileageKm()).orElseThrow();
            events.carChanged(tx, updated);
        }
        return new Step("applied: booking closed, car stays " + car.status(), false);
    }

    /** Changes the car's status; mileage only ever grows. The car row is locked, so the write succeeds. */
    private void move(DbTransaction tx, Car car, CarStatus status, UUID rentedBy, Long mileageKm) {
        long mileage = mileageKm == null ? car.mileageKm() : Math.max(car.mileageKm(), mileageKm);
        Car moved = cars.moveTo(tx, car, status, rentedBy, mileage).orElseThrow();
        events.carStatusChanged(tx, moved);
    }
}
