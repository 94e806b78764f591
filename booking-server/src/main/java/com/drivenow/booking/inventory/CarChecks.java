package com.drivenow.booking.inventory;

import com.drivenow.booking.fleet.FleetCar;
import com.drivenow.booking.fleet.FleetCopy;
import com.drivenow.booking.observability.BookingMetrics;
import com.drivenow.platform.web.ProblemException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a car may be booked before a booking is saved: the inventory server's live answer
 * when it has one (which also refreshes the fleet copy, see {@link #remember}), else the fleet copy (CACHED). Overlaps with
 * other bookings are not judged here; the database's exclusion constraint does that.
 */
public final class CarChecks {

    private static final System.Logger LOG = System.getLogger(CarChecks.class.getName());

    private final InventoryClient inventory;
    private final FleetCopy fleet;
    private final DbClient db;
    private final BookingMetrics metrics;

    public CarChecks(InventoryClient inventory, FleetCopy fleet, DbClient db, BookingMetrics metrics) {
        this.inventory = inventory;
        this.fleet = fleet;
        this.db = db;
        this.metrics = metrics;
    }

    public CarCheck check(UUID carId, Instant from, Instant to) {
        Optional<Bookability> answer;
        try {
            answer = inventory.bookability(carId, from, to);
        } catch (InventoryUnavailableException e) {
            LOG.log(Level.WARNING, "Checking car {0} against the fleet copy: {1}", carId, e.getMessage());
            return fromFleetCopy(carId);
        }
        Bookability live = answer.orElseThrow(() -> ProblemException.notFound("There is no car " + carId + "."));
        // Only retired and workshop cars are refused here; whether the car is out when the window
        // starts is decided by the holds in our own database (CarHolds), not by inventory's lagging view.
        if (!live.bookable()) {
            fleet.save(db.execute(), live.car());
            throw ProblemException.conflict(notBookable(live.reason(), "booked"));
        }
        return new CarCheck(live.car(), AvailabilityCheck.LIVE);
    }

    /**
     * Refreshes the fleet copy from a live answer inside the booking's own transaction: one commit
     * fewer on the booking's hot path than refreshing it on its own.
     */
    public void remember(DbExecute tx, CarCheck check) {
        if (check.source() == AvailabilityCheck.LIVE) {
            fleet.save(tx, check.car());
        }
    }

    /**
     * Refuses to hand over a car that the fleet copy shows in maintenance or retired; returns the
     * mileage last recorded for it (0 when the copy does not know the car yet).
     */
    public long requireInService(DbExecute tx, UUID carId) {
        Optional<FleetCar> car = fleet.find(tx, carId);
        if (car.isPresent() && !car.get().inService()) {
            throw ProblemException.conflict(notBookable(car.get().status(), "handed over"));
        }
        return car.map(FleetCar::mileageKm).orElse(0L);
    }

    private CarCheck fromFleetCopy(UUID carId) {
        FleetCar car = fleet.find(db.execute(), carId).orElseThrow(() -> ProblemException.unavailable(
                "The inventory server is unavailable and car " + carId + " is unknown here; try again shortly."));
        if (!car.inService()) {
            throw ProblemException.conflict(notBookable(car.status(), "booked"));
        }
        metrics.cachedCheck();
        return new CarCheck(car, AvailabilityCheck.CACHED);
    }

    /** Why the car cannot be {@code what} ("booked", "handed over"). */
    private static String notBookable(String reason, String what) {
        return switch (reason == null ? "" : reason) {
            case FleetCar.RETIRED -> "The car is retired and cannot be " + what + ".";
            case FleetCar.MAINTENANCE -> "The car is in maintenance and cannot be " + what + ".";
            default -> "The inventory server says the car cannot be " + what + " for that window"
                    + (reason == null ? "." : ": " + reason + ".");
        };
    }
}
