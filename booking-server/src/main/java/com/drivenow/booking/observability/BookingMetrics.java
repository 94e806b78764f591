package com.drivenow.booking.observability;

import com.drivenow.platform.outbox.OutboxRelay;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;

import java.util.List;
import java.util.function.Supplier;

/**
 * The booking server's business meters on {@code /metrics}: bookings created, overlap conflicts,
 * car checks answered from the fleet copy, and the outbox backlog (messages waiting, oldest age).
 *
 * <p>Counters are shared by every server in a JVM (tests start several); the outbox gauges belong to
 * one server and are removed when it closes.
 */
public final class BookingMetrics implements AutoCloseable {

    private final MeterRegistry registry = Services.get(MeterRegistry.class);
    private final Counter created = registry.getOrCreate(Counter.builder("bookings_created")
            .description("Bookings created"));
    private final Counter conflicts = registry.getOrCreate(Counter.builder("booking_conflicts")
            .description("Bookings refused because the car is taken for an overlapping window"));
    private final Counter cachedChecks = registry.getOrCreate(Counter.builder("booking_cached_checks")
            .description("Car checks answered from the fleet copy because the inventory server was unavailable"));
    private List<Meter> gauges = List.of();

    public void created() {
        created.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void cachedCheck() {
        cachedChecks.increment();
    }

    /** Exposes the relay's backlog; read from the database at each scrape. */
    public void watch(OutboxRelay relay) {
        Supplier<OutboxRelay.Backlog> backlog = relay::backlog;
        gauges = List.of(
                registry.getOrCreate(Gauge.builder("outbox_backlog_messages", () -> backlog.get().messages())
                        .description("Booking events waiting in the outbox")),
                registry.getOrCreate(Gauge.builder("outbox_oldest_age_seconds", () -> backlog.get().oldestAgeSeconds())
                        .description("Age of the oldest unpublished booking event")));
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
    }
}
