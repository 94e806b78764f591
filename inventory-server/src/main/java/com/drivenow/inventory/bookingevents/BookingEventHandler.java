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
 * Moves cars as bookings progress (docs/asyncapi.yaml, "What inventory does with booking events").
 *
 * <p>Each event carries the car's state as the booking server's record implies it (out with which
 * booking, or back) and a per-car sequence. The car takes that state only from an event newer than
 * the last one applied to it, so however events of different bookings are reordered (a retry, two
 * relays, two consumers, a redelivery), the car ends in the state of the booking server's last
 * change: "out on another booking" is a question of order, never a reason to refuse. Per booking, a
 * high-water mark keeps which bookings are still open (retiring a car must respect them).
 *
 * <p>What inventory knows better, a car in maintenance or retired, is never overwritten: a hand-over
 * of such a car is announced to the booking server as a conflict. Only events that can never apply
 * (no such car, fields missing) are poison.
 */
public final class BookingEventHandler implements EventHandler {

    private final CarRepository cars;
    private final BookingProgressRepository progress;
    private final CarSequenceRepository carSequences = new CarSequenceRepository();
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
        if (event.bookingId() == null || event.carId() == null || event.sequence() == null
                || event.carState() == null || event.carState().sequence() == null) {
            throw new PoisonEventException("bookingId, carId, sequence and carState.sequence are required");
        }
        // Lock order car -> progress, the same as every other writer of these rows.
        Car car = cars.lock(tx, event.carId())
                .orElseThrow(() -> new PoisonEventException("unknown car " + event.carId()));
        String bookingOutcome = recordProgress(tx, type.get(), event, car);
        String carOutcome = carSequences.advance(tx, car.id(), event.carState().sequence())
                ? applyCarState(tx, type.get(), event, car)
                : learnMileage(tx, car, event.mileageKm(), "car already at a newer state");
        return bookingOutcome + "; " + carOutcome;
    }

    /** Keeps whether the booking is open; announces a booking made for a car that cannot take it. */
    private String recordProgress(DbTransaction tx, BookingEventType type, BookingEvent event, Car car) {
        BookingProgressRepository.Progress known = progress.lock(tx, event.bookingId(), event.carId());
        if (event.sequence() <= known.lastSequence()) {
            return "booking already at " + known.lastSequence();
        }
        boolean open = switch (type) {
            case CREATED, PICKED_UP -> true;
            case RETURNED, CANCELLED -> false;
            case NEEDS_ATTENTION -> known.open();
        };
        progress.advance(tx, event.bookingId(), event.sequence(), event.eventType(), open);
        if (type == BookingEventType.CREATED && !car.status().bookable()) {
            events.bookingConflict(tx, event.conflictSource(), "car " + car.plate() + " is " + describe(car));
            return "booking open, conflict announced: car " + describe(car);
        }
        return open ? "booking open" : "booking closed";
    }

    private String applyCarState(DbTransaction tx, BookingEventType type, BookingEvent event, Car car) {
        UUID outWith = event.carState().outWith();
        if (!car.status().bookable()) {
            if (type == BookingEventType.PICKED_UP && event.bookingId().equals(outWith)) {
                events.bookingConflict(tx, event.conflictSource(),
                        "car " + car.plate() + " was handed over while " + describe(car));
                return learnMileage(tx, car, event.mileageKm(), "conflict announced, car stays " + car.status());
            }
            return learnMileage(tx, car, event.mileageKm(), "car stays " + car.status());
        }
        if (outWith == null && car.status() == CarStatus.RENTED) {
            Car back = move(tx, car, CarStatus.AVAILABLE, null, event.mileageKm());
            return "car AVAILABLE" + relocate(tx, type, event, back);
        }
        if (outWith != null && !outWith.equals(car.rentedBy())) {
            move(tx, car, CarStatus.RENTED, outWith, event.mileageKm());
            return "car RENTED by " + outWith;
        }
        return learnMileage(tx, car, event.mileageKm(), "car stays " + car.status());
    }

    /** A newer odometer reading is kept whatever the order: mileage only ever grows. */
    private String learnMileage(DbTransaction tx, Car car, Long mileageKm, String outcome) {
        if (car.status() != CarStatus.RETIRED && mileageKm != null && mileageKm > car.mileageKm()) {
            Car updated = cars.moveTo(tx, car, car.status(), car.rentedBy(), mileageKm).orElseThrow();
            events.carChanged(tx, updated);
            return outcome + ", mileage " + mileageKm;
        }
        return outcome;
    }

    /** Changes the car's status; mileage only ever grows. The car row is locked, so the write succeeds. */
    private Car move(DbTransaction tx, Car car, CarStatus status, UUID rentedBy, Long mileageKm) {
        long mileage = mileageKm == null ? car.mileageKm() : Math.max(car.mileageKm(), mileageKm);
        Car moved = cars.moveTo(tx, car, status, rentedBy, mileage).orElseThrow();
        events.carStatusChanged(tx, moved);
        return moved;
    }

    /** A car returned one-way now stands at the return branch. */
    private String relocate(DbTransaction tx, BookingEventType type, BookingEvent event, Car car) {
        String returnBranch = event.booking() == null ? null : event.booking().path("returnBranch").asText(null);
        if (type != BookingEventType.RETURNED || returnBranch == null || returnBranch.equals(car.location())) {
            return "";
        }
        Car moved = cars.relocate(tx, car, returnBranch).orElseThrow();
        events.carChanged(tx, moved);
        return ", now at " + returnBranch;
    }

    private static String describe(Car car) {
        return car.status() == CarStatus.RETIRED ? "retired" : "in maintenance";
    }
}
