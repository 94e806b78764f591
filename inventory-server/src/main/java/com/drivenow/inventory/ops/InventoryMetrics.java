package com.drivenow.inventory.ops;

import com.drivenow.inventory.car.CarRepository;
import com.drivenow.inventory.car.CarStatus;
import com.drivenow.platform.messaging.ConsumerStats;
import com.drivenow.platform.outbox.OutboxRelay;
import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The inventory's own meters, exported at {@code /metrics}: cars by status, what the booking-events
 * consumer did, and the outbox backlog. Values are read when scraped. {@link #close()} removes the
 * meters, so a server started again in the same JVM (tests) does not report a stopped one's values.
 */
public final class InventoryMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public InventoryMetrics(MeterRegistry registry, DbClient db, CarRepository cars, ConsumerStats consumer,
                            OutboxRelay relay) {
        this.registry = registry;
        for (CarStatus status : CarStatus.values()) {
            gauge(Gauge.builder("inventory.cars", () -> safely(() -> cars.countByStatus(db.execute(), status)))
                    .addTag(Tag.create("status", status.name()))
                    .description("Cars in the fleet by status"));
        }
        counter("inventory.booking.events.applied", consumer, ConsumerStats::applied, "Booking events applied");
        counter("inventory.booking.events.duplicates", consumer, ConsumerStats::duplicates,
                "Booking events delivered again and skipped");
        counter("inventory.booking.events.parked", consumer, ConsumerStats::parked,
                "Booking events that could not be applied and were parked");
        counter("inventory.booking.events.retried", consumer, ConsumerStats::retried,
                "Booking event attempts that failed on the event and were tried again");
        counter("inventory.booking.events.delayed", consumer, ConsumerStats::delayed,
                "Booking event attempts held back while the database or broker failed (never parked for it)");
        counter("inventory.booking.events.redelivered", consumer, ConsumerStats::redelivered,
                "Booking events the broker delivered again (lost ack, crash, restart)");
        gauge(Gauge.builder("inventory.outbox.backlog", () -> safely(() -> relay.backlog().messages()))
                .description("Fleet events written but not yet confirmed by the broker"));
        counter("inventory.outbox.published", relay, OutboxRelay::publishedCount, "Fleet events published");
    }

    private <T> void counter(String name, T state, Function<T, Long> value, String description) {
        meters.add(registry.getOrCreate(FunctionalCounter.builder(name, state, value).description(description)));
    }

    private void gauge(Gauge.Builder<Long> builder) {
        meters.add(registry.getOrCreate(builder));
    }

    /** A scrape must not fail because the database is away for a moment; -1 says "unknown". */
    private static Long safely(Supplier<Long> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return -1L;
        }
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
