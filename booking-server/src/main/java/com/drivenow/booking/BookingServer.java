package com.drivenow.booking;

import com.drivenow.booking.availability.AvailabilitySearch;
import com.drivenow.booking.availability.AvailabilityService;
import com.drivenow.booking.branch.BranchCopy;
import com.drivenow.booking.branch.Branches;
import com.drivenow.booking.fleet.FleetCopy;
import com.drivenow.booking.fleet.FleetEventsHandler;
import com.drivenow.booking.inventory.CarChecks;
import com.drivenow.booking.inventory.InventoryClient;
import com.drivenow.booking.observability.BookingMetrics;
import com.drivenow.booking.observability.ReadinessChecks;
import com.drivenow.booking.rental.BookingCommands;
import com.drivenow.booking.rental.BookingRequests;
import com.drivenow.booking.rental.OdometerRules;
import com.drivenow.booking.rental.OneWayRules;
import com.drivenow.booking.rental.BookingSearch;
import com.drivenow.booking.rental.BookingService;
import com.drivenow.platform.audit.AuditTrail;
import com.drivenow.platform.config.ServerDefaults;
import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.RetentionJob;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.lifecycle.Drain;
import com.drivenow.platform.lifecycle.GracefulShutdown;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.EventHandler;
import com.drivenow.platform.messaging.IdempotentConsumer;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.outbox.Outbox;
import com.drivenow.platform.outbox.OutboxRelay;
import com.drivenow.platform.web.HttpFoundation;
import com.drivenow.platform.web.ObserveEndpoints;
import com.drivenow.platform.web.ProblemDirectHandler;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.ProductionProfile;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The booking server assembled from configuration: database, broker, outbox relay, fleet-event
 * consumer, inventory client and HTTP routes. {@link #start} returns a running server; tests of
 * this and other modules start it in-process (port 0) and {@link #close} it.
 */
public final class BookingServer implements AutoCloseable {

    private final Database database;
    private final BrokerConnection broker;
    private final OutboxRelay relay;
    private final Optional<RetentionJob> retention;
    private final IdempotentConsumer fleetEvents;
    private final BookingMetrics metrics;
    private final WebServer server;
    private final GracefulShutdown shutdown;

    private BookingServer(Database database, BrokerConnection broker, OutboxRelay relay,
                          IdempotentConsumer fleetEvents, BookingMetrics metrics, WebServer server,
                          Optional<RetentionJob> retention, Drain drain, Duration grace) {
        this.database = database;
        this.broker = broker;
        this.relay = relay;
        this.fleetEvents = fleetEvents;
        this.metrics = metrics;
        this.server = server;
        this.retention = retention;
        this.shutdown = new GracefulShutdown("booking-server", grace)
                .then("retention job", () -> retention.ifPresent(RetentionJob::close))
                .then("drain", drain::begin)
                .then("requests in flight", left -> drain.awaitIdle(left))
                .then("web server", server::stop)
                .then("fleet-events consumer", fleetEvents::stop)
                .then("outbox relay", relay::stop)
                .then("broker", broker::close)
                .then("metrics", metrics::close)
                .then("database", database::close);
    }

    /** Starts with {@code overrides} over the booking server's application.yaml, where every default lives. */
    public static BookingServer start(Config overrides) {
        Config config = ServerDefaults.under(BookingServer.class, overrides);
        ProductionProfile.check(config, List.of());
        String internalToken = config.get("internal.token").asString().get();
        MessagingTopology topology = new MessagingTopology(config.get("messaging.namespace").asString().get());
        Database database = Database.start(config.get("db"), "booking", "db/booking");
        BrokerConnection broker = new BrokerConnection(
                config.get("messaging.uri").asString().get(),
                "booking-server", topology);
        OutboxRelay relay = new OutboxRelay(database.client(), broker, OutboxRelay.Settings.from(config.get("outbox.relay"))).start();
        BookingMetrics metrics = new BookingMetrics();
        metrics.watch(relay);

        FleetCopy fleet = new FleetCopy();
        InventoryClient inventory = new InventoryClient(config.get("inventory"), internalToken);
        CarChecks cars = new CarChecks(inventory, fleet, database.client(), metrics);
        BranchCopy branchCopy = new BranchCopy();
        Config booking = config.get("booking");
        Duration maxLength = booking.get("max-length").as(Duration.class).get();
        Outbox outbox = new Outbox(relay);
        BookingCommands commands = new BookingCommands(database.client(), outbox, topology, cars, metrics,
                new BookingRequests.WindowRules(maxLength,
                        booking.get("max-advance").as(Duration.class).get()),
                new OdometerRules(booking.get("odometer-max-km-per-day").asLong().get()),
                new Branches(branchCopy, inventory),
                new OneWayRules(booking.get("one-way.allowed").asBoolean().get(),
                        new BigDecimal(booking.get("one-way.fee").asString().get())),
                Clock.systemUTC());
        IdempotentConsumer fleetEvents = new IdempotentConsumer("booking-fleet-events",
                topology.bookingFleetEventsQueue(), broker, database.client(),
                new FleetEventsHandler(fleet, branchCopy, commands), EventHandler.ParkedListener.NONE,
                IdempotentConsumer.Settings.from(config.get("consumer.fleet-events")))
                .afterCommit(outbox::committed)
                .start();

        BookingService bookings = new BookingService(commands, new BookingSearch(database.client()));
        AvailabilityService availability = new AvailabilityService(new AvailabilitySearch(database.client(), Clock.systemUTC()), maxLength);
        Drain drain = new Drain();
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                // close() stops in order within the grace period; Helidon's own hook would cut requests in flight
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(observe(database, broker, fleetEvents, drain))
                .directHandlers(ProblemDirectHandler.all())
                .mediaContext(m -> m.addMediaSupport(Json.mediaSupport()))
                .routing(routing -> routing(routing.addFilter(drain), internalToken,
                        new AuditTrail(database.client(), "booking"), bookings, availability))
                .build()
                .start();
        Optional<RetentionJob> retention = RetentionJob.start(database.client(), config.get("retention"),
                windows -> List.of(RetentionJob.processedEvents(windows), new RetentionJob.Rule("idempotency_key",
                        "created_at", "", RetentionJob.window(windows, "idempotencykeys"))));
        return new BookingServer(database, broker, relay, fleetEvents, metrics, server, retention, drain,
                GracefulShutdown.graceOf(config));
    }

    /** {@code /health} (accepting requests, database readiness, broker state) and {@code /metrics} (Prometheus). */
    private static ObserveFeature observe(Database database, BrokerConnection broker, IdempotentConsumer fleetEvents,
                                          Drain drain) {
        return ObserveEndpoints.feature(drain.readiness(), List.of(ReadinessChecks.database(database.client()),
                ReadinessChecks.messaging(broker, fleetEvents)));
    }

    static void routing(HttpRouting.Builder routing, String internalToken, AuditTrail audit, BookingService bookings,
                        AvailabilityService availability) {
        HttpFoundation.internalService(routing, internalToken, audit)
                .register(BookingService.PATH, bookings)
                .register(AvailabilityService.PATH, availability);
        ProblemHandlers.install(routing);
    }

    public int port() {
        return server.port();
    }

    /**
     * Graceful stop within {@code server.shutdowngrace}: not ready and new requests refused, the
     * requests in flight finish, the consumer acknowledges what it committed, the relay empties the
     * outbox, then the connections close. SIGTERM runs it (BookingMain's shutdown hook).
     */
    @Override
    public void close() {
        shutdown.run();
    }
}
