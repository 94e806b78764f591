package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.client.Fleet;
import com.drivenow.bench.client.Reply;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One desk renting out its own cars in a loop: book, pick up, return; when the load stops, each of
 * its cars is booked and picked up once more and left out. A request that gets no answer
 * (a server killed mid-flight) or a 502/503/504 is retried the same way until it gets a real
 * answer, at the next gateway when there are several; a create is retried with the same
 * Idempotency-Key, so "201 received" means one booking.
 */
final class RentalClient implements Runnable {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    // Beyond the inventory's rented horizon (15 min), so a return still in flight does not refuse the booking.
    private static final Duration STARTS_IN = Duration.ofMinutes(20);
    private static final Duration LENGTH = Duration.ofHours(3);
    // A desk rents each car out every second or so, flat out; the booking server refuses a hand-over
    // reading more than 2,000 km above the mileage it last heard of from inventory, whose consumers
    // fall minutes behind such a load on a small machine (a backlog of 1,200 events was seen).
    private static final long KM_PER_RENTAL = 1;

    private final ApiClient gateway;
    private final List<UUID> cars;
    private final long[] mileage;
    private final LoadFigures figures;
    private final BooleanSupplier running;

    RentalClient(ApiClient gateway, List<UUID> cars, LoadFigures figures, BooleanSupplier running) {
        this.gateway = gateway;
        this.cars = cars;
        this.mileage = new long[cars.size()];
        Arrays.fill(mileage, Fleet.INITIAL_MILEAGE_KM);
        this.figures = figures;
        this.running = running;
    }

    @Override
    public void run() {
        for (int turn = 0; running.getAsBoolean(); turn = (turn + 1) % cars.size()) {
            rent(turn, true);
        }
        // Leave every car out on a last rental, so the audit sees inventory show cars RENTED by the
        // bookings that have them, not only cars back AVAILABLE after their last return.
        for (int car = 0; car < cars.size(); car++) {
            rent(car, false);
        }
    }

    private void rent(int car, boolean bringBack) {
        Instant from = Instant.now().plus(STARTS_IN).truncatedTo(ChronoUnit.SECONDS);
        String key = UUID.randomUUID().toString();
        Optional<Reply> created = answered(() -> gateway.createBooking(cars.get(car), from, from.plus(LENGTH),
                Optional.of(key)));
        if (created.isEmpty() || !count("create", created.get(), 201)) {
            return;
        }
        UUID booking = UUID.fromString(created.get().text("id"));
        figures.created.incrementAndGet();
        figures.createdBookings.put(booking, cars.get(car));
        long out = mileage[car] + 1;
        if (!lifeCycleStep("pick-up", () -> gateway.pickUp(booking, out), booking, "ACTIVE")) {
            // Not handed over: free the window, or the car stays booked for hours by a desk that gave up.
            answered(() -> gateway.post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "not picked up")));
            // A return whose answer was lost may have moved the odometer on: read it back from the fleet.
            answered(() -> gateway.get("/api/v1/cars/" + cars.get(car)))
                    .filter(reply -> reply.is(200))
                    .ifPresent(reply -> mileage[car] = Math.max(mileage[car], reply.body().path("mileageKm").asLong()));
            return;
        }
        figures.pickedUp.incrementAndGet();
        mileage[car] = out;
        if (!bringBack) {
            return;
        }
        long in = out + KM_PER_RENTAL;
        if (lifeCycleStep("return", () -> gateway.returnCar(booking, in), booking, "RETURNED")) {
            figures.returned.incrementAndGet();
            mileage[car] = in;
        }
    }

    /**
     * Pick-up and return carry no idempotency key: when a retry gets 409, the first attempt may have
     * committed before the server died, so the booking's status decides.
     */
    private boolean lifeCycleStep(String name, Call step, UUID booking, String statusAfter) {
        Optional<Reply> reply = answered(step);
        if (reply.isEmpty()) {
            return false;
        }
        if (count(name, reply.get(), 200)) {
            return true;
        }
        // A 409 to a retry: the first attempt may have committed before the server died. (The odometer
        // rules make the reading matter: a return that did happen moved the car's record to its reading.)
        return reply.get().is(409) && answered(() -> gateway.get("/api/v1/bookings/" + booking))
                .map(current -> current.text("status").equals(statusAfter)).orElse(false);
    }

    /** Counts the answer; true when it has the expected status. */
    private boolean count(String call, Reply reply, int expected) {
        if (reply.is(expected)) {
            return true;
        }
        if (reply.is(409)) {
            figures.conflicts.incrementAndGet();
        } else {
            figures.otherErrors.incrementAndGet();
            figures.unexpected(call, reply.status(), reply.text("detail"));
        }
        return false;
    }

    private interface Call {
        Reply send() throws IOException;
    }

    /** Sends until a real answer comes back (or the load stops and the retry window has passed). */
    private Optional<Reply> answered(Call call) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            figures.requests.incrementAndGet();
            try {
                Reply reply = call.send();
                if (!isUnavailable(reply)) {
                    return Optional.of(reply);
                }
                figures.unavailable.incrementAndGet();
            } catch (IOException e) {
                figures.connectionFailures.incrementAndGet();
            }
            gateway.failover();
            if (System.nanoTime() > deadline) {
                figures.gaveUp.incrementAndGet();
                return Optional.empty();
            }
            Pause.quietly(RETRY_PAUSE);
        }
    }

    /** The gateway's answers while a server behind it is down. */
    private static boolean isUnavailable(Reply reply) {
        return reply.is(502) || reply.is(503) || reply.is(504);
    }
}
