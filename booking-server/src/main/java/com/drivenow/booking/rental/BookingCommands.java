package com.drivenow.booking.rental;

import com.drivenow.platform.db.Rows;
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
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rental life cycle: create (and walk-in), pick up, return, cancel, and "needs attention" when the
 * inventory server reports a conflict. Each step changes the booking row and appends its event to
 * the outbox in one transaction; the database, not this class, rules out double bookings.
 */
public final class BookingCommands implements BookingConflict.Listener {

    private static final String ONE_ACTIVE_PER_CAR = "booking_one_active_per_car";

    private final DbClient db;
    private final BookingRepository bookings = new BookingRepository();
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final BookingEvents events;
    private final CarChecks cars;
    private final BookingMetrics metrics;
    private final BookingRequests.WindowRules rules;
    private final Clock clock;

    public BookingCommands(DbClient db, Outbox outbox, MessagingTopology topology, CarChecks cars,
                           BookingMetrics metrics, BookingRequests.WindowRules rules, Clock clock) {
        this.db = db;
        this.events = new BookingEvents(outbox, topology);
        this.cars = cars;
        this.metrics = metrics;
        this.rules = rules;
        this.clock = clock;
    }

    /** A create's answer; {@code replayed} when an Idempotency-Key repeated an earlier create. */
    public record Created(Booking booking, boolean replayed) {
    }

    public Created create(BookingRequests.Create request, Caller caller, Optional<String> idempotencyKey) {
        Instant now = now();
        BookingRequests.validate(request, now, rules);
        BookingRequests.Create body = normalized(request);
        String bodyHash = IdempotencyKeys.hash(body);
        idempotencyKey.ifPresent(IdempotencyKeys::validate);
        Optional<IdempotencyKeys.Used> used = idempotencyKey.flatMap(key -> keys.find(db.execute(), caller.id(), key));
        if (used.isPresent()) {
            return replay(used.get(), bodyHash);
        }
        CarCheck check = cars.check(body.carId(), body.from(), body.to());
        StoredBooking reserved = reservation(body, check, caller, now);
        StoredBooking stored = body.walkIn()
                ? reserved.next(reserved.booking().pickedUp(mileageOut(body, check), now))
                : reserved;
        boolean claimed = write(tx -> {
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

    public Booking pickUp(UUID id, BookingRequests.PickUp body, Caller caller) {
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.PICKED_UP, (tx, current) -> {
            Booking b = current.booking();
            LifeCycle.requirePickUp(b);
            if (!now.isBefore(b.to())) {
                throw ProblemException.conflict("The booking's window ended at " + b.to() + "; it can no longer be picked up.");
            }
            if (now.isBefore(b.from())) {
                refuseIfReservedBefore(tx, b, now);
            }
            return b.pickedUp(body.mileageKm(), now);
        });
    }

    public Booking returnCar(UUID id, BookingRequests.Return body, Caller caller) {
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.RETURNED, (tx, current) -> {
            Booking b = current.booking();
            LifeCycle.requireReturn(b);
            if (b.mileageOutKm() != null && body.mileageKm() < b.mileageOutKm()) {
                throw ProblemException.invalid(List.of(new FieldError("mileageKm",
                        "must be at least the mileage out, " + b.mileageOutKm() + " km")));
            }
            return b.returned(body.mileageKm(), body.fuelPercent(), now);
        });
    }

    public Booking cancel(UUID id, BookingRequests.Cancel body, Caller caller) {
        BookingRequests.validate(body);
        Instant now = now();
        return change(id, caller, BookingEvents.CANCELLED, (tx, current) -> {
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

    private Booking change(UUID id, Caller caller, String eventType, Step step) {
        StoredBooking changed = write(tx -> {
            StoredBooking current = visible(bookings.lock(tx, id), caller, id);
            StoredBooking next = current.next(step.apply(tx, current));
            bookings.update(tx, next);
            events.append(tx, eventType, next, now());
            return next;
        });
        return changed.booking();
    }

    private <T> T write(Function<DbTransaction, T> work) {
        T result;
        try {
            result = Transactions.inTransaction(db, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        events.committed();
        return result;
    }

    private RuntimeException translate(RuntimeException e) {
        if (SqlStates.is(e, SqlStates.EXCLUSION_VIOLATION)) {
            metrics.conflict();
            return ProblemException.conflict("The car is taken for an overlapping window.");
        }
        if (SqlStates.constraint(e, SqlStates.UNIQUE_VIOLATION).filter(ONE_ACTIVE_PER_CAR::equals).isPresent()) {
            return ProblemException.conflict("The car is not back yet: another booking still has it out.");
        }
        return e;
    }

    /**
     * An overdue rental keeps the car until it comes back, past its booked end: a new booking that
     * starts before now cannot have it. (Later bookings are accepted; their pick-up waits for the car.)
     */
    private static void refuseIfCarIsOverdue(DbExecute tx, Booking wanted, Instant now) {
        boolean overdue = tx.get("SELECT 1 FROM booking WHERE car_id = ? AND status = 'ACTIVE' "
                        + "AND tstzrange(starts_at, greatest(ends_at, ?), '[)') && tstzrange(?, ?, '[)')",
                wanted.carId(), Rows.utc(now), Rows.utc(wanted.from()), Rows.utc(wanted.to())).isPresent();
        if (overdue) {
            throw ProblemException.conflict("The car is out on an overdue rental and not back yet.");
        }
    }

    /**
     * An early pick-up must not take the car from another reservation that starts before this one.
     * (A booking that has the car out is caught by the one-active-per-car index: "not back yet".)
     */
    private static void refuseIfReservedBefore(DbExecute tx, Booking early, Instant now) {
        boolean reserved = tx.get("SELECT 1 FROM booking WHERE car_id = ? AND id <> ? "
                        + "AND status IN ('RESERVED', 'NEEDS_ATTENTION') "
                        + "AND tstzrange(starts_at, ends_at, '[)') && tstzrange(?, ?, '[)')",
                early.carId(), early.id(), Rows.utc(now), Rows.utc(early.from())).isPresent();
        if (reserved) {
            throw ProblemException.conflict("The car is booked by someone else before this booking starts; "
                    + "it cannot be picked up early.");
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

    private static StoredBooking reservation(BookingRequests.Create body, CarCheck check, Caller caller, Instant now) {
        Pricing.Quote quote = Pricing.quote(check.car().dailyRate(), body.from(), body.to());
        Booking booking = new Booking(UUID.randomUUID(), body.carId(),
                new CarSummary(check.car().plate(), check.car().make(), check.car().model()), body.customer(),
                body.from(), body.to(), BookingStatus.RESERVED, quote.total(), quote.breakdown(), check.source(),
                null, null, null, now, null, null, null, null, null, caller.id());
        return new StoredBooking(booking, 1, caller.integration());
    }

    /** Trimmed text and instants at the database's microsecond precision, so the answer equals the row. */
    /** The odometer the agent read, which may not lie below what the fleet last recorded for the car. */
    private static long mileageOut(BookingRequests.Create body, CarCheck check) {
        long recorded = check.car().mileageKm();
        if (body.mileageKm() == null) {
            return recorded;
        }
        if (body.mileageKm() < recorded) {
            throw ProblemException.invalid(List.of(new FieldError("mileageKm",
                    "must be at least the car's recorded mileage, " + recorded + " km")));
        }
        return body.mileageKm();
    }

    private static BookingRequests.Create normalized(BookingRequests.Create body) {
        Customer c = body.customer();
        return new BookingRequests.Create(body.carId(), body.from().truncatedTo(ChronoUnit.MICROS),
                body.to().truncatedTo(ChronoUnit.MICROS),
                new Customer(c.name().trim(), c.email().trim(), c.phone().trim(), c.licenseNumber().trim()),
                body.walkIn(), body.mileageKm());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
