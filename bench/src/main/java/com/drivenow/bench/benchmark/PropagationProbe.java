package com.drivenow.bench.benchmark;

import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.client.Reply;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Rents one car out and back in a loop and measures, for each pick-up, the time from the booking
 * server's commit (the booking's pickedUpAt) to the car.status-changed RENTED event that inventory
 * publishes after its own commit.
 */
final class PropagationProbe implements Runnable {

    private final ApiClient gateway;
    private final UUID car;
    private final CarStatusEvents events;
    private final BooleanSupplier running;
    private final Histogram latencyMicros;
    private long mileage = 2_000;

    PropagationProbe(ApiClient gateway, UUID car, CarStatusEvents events, BooleanSupplier running,
                     Histogram latencyMicros) {
        this.gateway = gateway;
        this.car = car;
        this.events = events;
        this.running = running;
        this.latencyMicros = latencyMicros;
    }

    @Override
    public void run() {
        try {
            while (running.getAsBoolean()) {
                Instant from = Instant.now().plus(Duration.ofMinutes(20));
                Reply booked = gateway.createBooking(car, from, from.plus(Duration.ofHours(2)), Optional.empty());
                UUID booking = UUID.fromString(booked.text("id"));
                var rented = events.expect(car, "RENTED");
                Reply pickedUp = gateway.pickUp(booking, ++mileage);
                Instant seen = rented.get(10, TimeUnit.SECONDS);
                long micros = Duration.between(Instant.parse(pickedUp.text("pickedUpAt")), seen).toNanos() / 1000;
                synchronized (latencyMicros) {
                    latencyMicros.recordValue(Math.max(0, micros));
                }
                var available = events.expect(car, "AVAILABLE");
                gateway.returnCar(booking, ++mileage);
                available.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Propagation probe on car " + car + " failed: " + e.getMessage(), e);
        }
    }
}
