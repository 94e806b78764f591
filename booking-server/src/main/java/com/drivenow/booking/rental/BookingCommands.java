package com.drivenow.booking.rental;

import com.drivenow.platform.db.Rows;
import com.drivenow.booking.branch.Branches;
import com.drivenow.booking.fleet.BookingConflict;
import com.drivenow.booking.inventory.CarCheck;
import com.drivenow.booking.inventory.CarChecks;
import com.drivenow.booking.observability.BookingMetrics;
import com.drivenow.booking.pricing.Pricing;
import com.drivenow.platform.db.SqlStates;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.outbox.Outbox;
import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.ProblemException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rental life cycle: create (and walk-in), pick up, return, cancel, and "needs attention" when the
 * inventory server reports a conflict. Each step changes the booking row and appends its event to
 * the outbox in one transaction; the database, not this class, rules out double bookings.
 */
public final class BookingCommands implements BookingConflict.Listener {

    private static final String ONE_OUT_PER_CAR = "booking_one_out_per_car";
    private static final String NOT_BACK = "The car is not back yet: another booking still has it out.";
    private static final String TAKEN = "The car is taken for an overlapping window.";
    private static final String TAKEN_BEFORE_START = "The car is booked by someone else before this booking "
            + "starts; it cannot be picked up early.";

    private final DbClient db;
    private final BookingRepository bookings = new BookingRepository();
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final BookingEvents events;
    private final CarChecks cars;
    private final BookingMetrics metrics;
    private final BookingRequests.WindowRules rules;
    private final OdometerRules odometer;
    private final RoutePlanner routes;
    private final Clock clock;

    public BookingCommands(DbClient db, Outbox outbox, MessagingTopology topology, CarChecks cars,
                           BookingMetrics metrics, BookingRequests.WindowRules rules, OdometerRules odometer,
                           Branches branches, OneWayRules oneWay, Clock clock) {
        this.db = db;
        this.events = new BookingEvents(outbox, topology);
        this.cars = cars;
        this.metrics = metrics;
        this.rules = rules;
        this.odometer = odometer;
        this.routes = new RoutePlanner(branches, oneWay);
        this.clock = clock;
    }

    /** A create's answer; {@code replayed} when an Idempotency-Key repeated an earlier create. */
    public record Created(Booking booking, boolean replayed) {
    }

    public Created create(BookingRequests.Create body, Caller caller, Optional<String> idempotencyKey) {
        Instant now = now();
        HandOverPrivilege.requireForCreate(caller, body);
        BookingRequests.validate(body);
        idempotencyKey.ifPresent(IdempotencyKeys::validate);
        // The body as parsed, every field of it: a field added to the request is in the hash by itself.
        String bodyHash = IdempotencyKeys.hash(body);
        // A retry answers what the first call answered, even once its window lies in the past.
        Optional<IdempotencyKeys.Used> used = idempotencyKey.flatMap(key -> keys.find(db.execute(), caller.id(), key));
        if (used.isPresent()) {
            return replay(used.get(), bodyHash);
        }
        BookingRequests.validateWindow(body, now, rules);
        CarCheck check = cars.check(body.carId(), body.from(), body.to());
        RentalWindow window = new RentalWindow(body.from(), body.to()).atDatabasePrecision();
        RoutePlanner.Plan plan = routes.plan(db.execute(), body, check.car().location(), window,
                check.car().dailyRate().currency());
        StoredBooking reserved = reservation(body, check, window, plan, caller, now);
        StoredBooking stored = body.walkIn()
                ? reserved.next(reserved.booking().pickedUp(mileageOut(body, check), now))
                : reserved;
        boolean claimed = write(TAKEN, tx -> {
            if (idempotencyKey.isPresent()
                    && !keys.claim(tx, caller.id(), idempotencyKey.get(), bodyHash, stored.booking().id())) {
                return false;
            }
            cars.remember(tx, check);
            refuseIfCarIsOverdue(tx, stored.booking(), now);
            bookings.insert(tx, stored);
            events.append(tx, BookingEvents.CREATED, reserved, now);
            if (body.walkIn()) {
                events.append(tx, BookingEvents.PICKED_UP, stored, now);
            }
            return true;
        });
        if (!claimed) {
            // A concurrent request with the same key won; it has committed by now.
            return replay(keys.find(db.execute(), caller.id(), idempotencyKey.get()).orElseThrow(), bodyHash);
        }
        metrics.created();
        return new Created(stored.booking(), false);
    }

    /**
     * Hands the car over. Picking up early moves the start of the booking's hold to now, so the
     * exclusion constraint refuses it when another booking holds the car before this one starts.
     */
    public Booking pickUp(UUID id, BookingRequests.PickUp body, Caller caller) {
        HandOverPrivilege.require(caller, "pick a car up");
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.PICKED_UP, TAKEN_BEFORE_START, (tx, current) -> {
            Booking b = current.booking();
            LifeCycle.requirePickUp(b);
            if (!now.isBefore(b.window().to())) {
                throw ProblemException.conflict("The booking's window ended at " + b.window().to()
                        + "; it can no longer be picked up.");
            }
            // Our own latest reading counts at once; the fleet's record follows a moment later.
            long recorded = Math.max(cars.requireInService(tx, b.carId()), bookings.lastReading(tx, b.carId()));
            odometer.checkHandOver(body.mileageKm(), recorded);
            refuseIfCarIsOut(tx, b);
            return b.pickedUp(body.mileageKm(), now);
        });
    }

    public Booking returnCar(UUID id, BookingRequests.Return body, Caller caller) {
        HandOverPrivilege.require(caller, "take a car back");
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.RETURNED, TAKEN, (tx, current) -> {
            Booking b = current.booking();
            LifeCycle.requireReturn(b);
            HandOver handOver = b.progress().handOver();
            odometer.checkReturn(body.mileageKm(), handOver.mileageOutKm(), handOver.pickedUpAt(), now);
            return b.returned(body.mileageKm(), body.fuelPercent(), now);
        });
    }

    public Booking cancel(UUID id, BookingRequests.Cancel body, Caller caller) {
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.CANCELLED, TAKEN, (tx, current) -> {
            LifeCycle.requireCancel(current.booking());
            return current.booking().cancelled(body.reason().trim(), now);
        });
    }

    /** Runs in the fleet-event consumer's transaction; the outbox event goes with it. */
    @Override
    public String conflicted(DbTransaction tx, BookingConflict conflict) {
        Optional<StoredBooking> found = bookings.lock(tx, conflict.bookingId());
        if (found.isEmpty()) {
            return "ignored: unknown booking";
        }
        StoredBooking current = found.get();
        if (conflict.sourceSequence() != null && conflict.sourceSequence() < current.sequence()) {
            return "ignored: about sequence " + conflict.sourceSequence() + ", booking is at " + current.sequence();
        }
        if (!LifeCycle.canNeedAttention(current.booking())) {
            return "ignored: booking is " + current.booking().status();
        }
        StoredBooking next = current.next(current.booking().needingAttention(conflict.reason()));
        bookings.update(tx, next);
        events.append(tx, BookingEvents.NEEDS_ATTENTION, next, now());
        return "needs attention: " + conflict.reason();
    }

    /** Reads a booking the caller may see; an integration sees only its own. */
    public Booking get(UUID id, Caller caller) {
        return visible(bookings.find(db.execute(), id), caller, id).booking();
    }

    @FunctionalInterface
    private interface Step {
        Booking apply(DbTransaction tx, StoredBooking current);
    }

    private Booking change(UUID id, Caller caller, String eventType, String whenTaken, Step step) {
        StoredBooking changed = write(whenTaken, tx -> {
            StoredBooking current = visible(bookings.lock(tx, id), caller, id);
            StoredBooking next = current.next(step.apply(tx, current));
            bookings.update(tx, next);
            events.append(tx, eventType, next, now());
            return next;
        });
        return changed.booking();
    }

    /** Runs {@code work} in a transaction; an overlapping hold is a 409 saying {@code whenTaken}. */
    private <T> T write(String whenTaken, Function<DbTransaction, T> work) {
        T result;
        try {
            result = Transactions.inTransaction(db, work);
        } catch (RuntimeException e) {
            throw translate(e, whenTaken);
        }
        events.committed();
        return result;
    }

    private RuntimeException translate(RuntimeException e, String whenTaken) {
        if (SqlStates.is(e, SqlStates.EXCLUSION_VIOLATION)) {
            metrics.conflict();
            return ProblemException.conflict(whenTaken);
        }
        if (SqlStates.constraint(e, SqlStates.UNIQUE_VIOLATION).filter(ONE_OUT_PER_CAR::equals).isPresent()) {
            return ProblemException.conflict(NOT_BACK);
        }
        return e;
    }

    /**
     * Says "not back yet" before the constraints would: with the car out, an early pick-up also
     * overlaps the other hold, and that message would blame the wrong thing. (A concurrent hand-over
     * is still caught by booking_one_out_per_car.)
     */
    private static void refuseIfCarIsOut(DbExecute tx, Booking wanted) {
        if (tx.createGet("SELECT 1 FROM booking b WHERE b.car_id = :car AND b.id <> :id AND " + CarHolds.OUT)
                .addParam("car", wanted.carId())
                .addParam("id", wanted.id())
                .execute()
                .isPresent()) {
            throw ProblemException.conflict(NOT_BACK);
        }
    }

    /** A car still out past its booking's end cannot be had by anyone starting before it is back. */
    private static void refuseIfCarIsOverdue(DbExecute tx, Booking wanted, Instant now) {
        boolean overdue = tx.createGet("SELECT 1 FROM booking b WHERE b.car_id = :car AND " + CarHolds.OUT_PAST_ITS_END)
                .addParam("car", wanted.carId())
                .addParam("from", Rows.utc(wanted.window().from()))
                .addParam("now", Rows.utc(now))
                .execute()
                .isPresent();
        if (overdue) {
            throw ProblemException.conflict("The car is out on an overdue rental and not back yet.");
        }
    }

    private Created replay(IdempotencyKeys.Used used, String bodyHash) {
        UUID id = IdempotencyKeys.replay(used, bodyHash);
        return new Created(bookings.find(db.execute(), id).orElseThrow().booking(), true);
    }

    private static StoredBooking visible(Optional<StoredBooking> found, Caller caller, UUID id) {
        return found.filter(b -> !caller.integration()
                        || b.createdByIntegration() && b.booking().createdBy().equals(caller.id()))
                .orElseThrow(() -> ProblemException.notFound("There is no booking " + id + "."));
    }

    private static StoredBooking reservation(BookingRequests.Create body, CarCheck check, RentalWindow window,
                                             RoutePlanner.Plan plan, Caller caller, Instant now) {
        Booking booking = new Booking(UUID.randomUUID(), body.carId(),
                new CarSummary(check.car().plate(), check.car().make(), check.car().model()),
                body.customer().trimmed(), window, plan.route(),
                Pricing.quote(check.car().dailyRate(), window.from(), window.to(), plan.route().zone(), plan.fees()),
                check.source(),
                Progress.RESERVED, now, caller.id());
        return new StoredBooking(booking, 1, caller.integration());
    }

    /** The odometer the agent read, which may not lie below the last reading known for the car. */
    private long mileageOut(BookingRequests.Create body, CarCheck check) {
        long recorded = Math.max(check.car().mileageKm(), bookings.lastReading(db.execute(), body.carId()));
        if (body.mileageKm() == null) {
            return recorded;
        }
        odometer.checkHandOver(body.mileageKm(), recorded);
        return body.mileageKm();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
