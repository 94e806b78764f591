package com.drivenow.inventory;

import com.drivenow.inventory.bookability.BookabilityHttpService;
import com.drivenow.inventory.branch.BranchesHttpService;
import com.drivenow.inventory.bookingevents.BookingEventHandler;
import com.drivenow.inventory.bookingevents.BookingProgressRepository;
import com.drivenow.inventory.bookingevents.ConflictAnnouncer;
import com.drivenow.inventory.car.CarCommands;
import com.drivenow.inventory.car.CarRepository;
import com.drivenow.inventory.car.CarValidator;
import com.drivenow.inventory.car.CarsHttpService;
import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.inventory.ops.InventoryHealth;
import com.drivenow.inventory.ops.InventoryMetrics;
import com.drivenow.platform.audit.AuditTrail;
import com.drivenow.platform.config.ServerDefaults;
import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.RetentionJob;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.lifecycle.Drain;
import com.drivenow.platform.lifecycle.GracefulShutdown;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.ConsumerStats;
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
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The running inventory server: database, broker connection, outbox relay, booking-events
 * consumer and HTTP. {@link #start(Config)} is what {@code InventoryMain} and other modules' tests
 * call; {@link #close()} stops it all.
 */
public final class InventoryServer implements AutoCloseable {

    private static final String CONSUMER_NAME = "inventory-booking-events";

    private final Database database;
    private final BrokerConnection broker;
    private final OutboxRelay relay;
    private final IdempotentConsumer consumer;
    private final InventoryMetrics metrics;
    private final WebServer web;
    private final Optional<RetentionJob> retention;
    private final GracefulShutdown shutdown;

    private InventoryServer(Config config, Database database) {
        Clock clock = Clock.systemUTC();
        this.database = database;
        MessagingTopology topology = new MessagingTopology(config.get("messaging.namespace").asString().get());
        this.broker = new BrokerConnection(config.get("messaging.uri").asString().get(), "inventory-server", topology);
        this.relay = new OutboxRelay(database.client(), broker, OutboxRelay.Settings.from(config.get("outbox.relay"))).start();
        Outbox outbox = new Outbox(relay);
        FleetEvents events = new FleetEvents(topology, outbox, clock);
        CarRepository cars = new CarRepository();
        BookingProgressRepository progress = new BookingProgressRepository();
        this.consumer = new IdempotentConsumer(CONSUMER_NAME, topology.inventoryBookingEventsQueue(), broker,
                database.client(), new BookingEventHandler(cars, progress, events), new ConflictAnnouncer(events),
                IdempotentConsumer.Settings.from(config.get("consumer.booking-events")))
                .afterCommit(outbox::committed)
                .start();
        this.metrics = new InventoryMetrics(Services.get(MeterRegistry.class), database.client(), cars,
                consumer.stats(), relay);

        CarCommands commands = new CarCommands(database.client(), cars, progress, events, new CarValidator(clock));
        CarsHttpService carsService = new CarsHttpService(database.client(), cars, commands);
        BookabilityHttpService bookability = new BookabilityHttpService(database.client(), cars);
        BranchesHttpService branches = new BranchesHttpService(database.client(), events);
        String token = config.get("internal.token").asString().get();
        Drain drain = new Drain();
        this.web = WebServer.builder()
                .config(config.get("server"))
                // close() stops in order within the grace period; Helidon's own hook would cut requests in flight
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(ObserveEndpoints.feature(drain.readiness(),
                        InventoryHealth.checks(database.dataSource(), broker, consumer, relay)))
                .directHandlers(ProblemDirectHandler.all())
                .mediaContext(media -> media.addMediaSupport(Json.mediaSupport()))
                .routing(routing -> routing(routing.addFilter(drain), token,
                        new AuditTrail(database.client(), "inventory"), carsService, branches, bookability))
                .build()
                .start();
        this.retention = RetentionJob.start(database.client(), config.get("retention"), windows -> List.of(
                RetentionJob.processedEvents(windows),
                // Only finished bookings: an open one's high-water mark still guards against stale events.
                new RetentionJob.Rule("booking_progress", "updated_at", "NOT open",
                        RetentionJob.window(windows, "bookingprogress"))));
        this.shutdown = new GracefulShutdown("inventory-server", GracefulShutdown.graceOf(config))
                .then("retention job", () -> retention.ifPresent(RetentionJob::close))
                .then("drain", drain::begin)
                .then("requests in flight", left -> drain.awaitIdle(left))
                .then("web server", web::stop)
                .then("booking-events consumer", consumer::stop)
                .then("outbox relay", relay::stop)
                .then("metrics", metrics::close)
                .then("broker", broker::close)
                .then("database", database::close);
    }

    /** Starts with {@code overrides} over the inventory server's application.yaml, where every default lives. */
    public static InventoryServer start(Config overrides) {
        Config config = ServerDefaults.under(InventoryServer.class, overrides);
        ProductionProfile.check(config, List.of());
        Database database = Database.start(config.get("db"), "inventory", "db/inventory");
        try {
            return new InventoryServer(config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void routing(HttpRouting.Builder routing, String token, AuditTrail audit, CarsHttpService cars,
                                BranchesHttpService branches, BookabilityHttpService bookability) {
        HttpFoundation.internalService(routing, token, audit)
                .register(CarsHttpService.PATH, cars)
                .register(BranchesHttpService.PATH, branches)
                .register(BookabilityHttpService.PATH, bookability);
        ProblemHandlers.install(routing);
    }

    public int port() {
        return web.port();
    }

    /** What the booking-events consumer did since start (tests and metrics read it). */
    public ConsumerStats consumerStats() {
        return consumer.stats();
    }

    /**
     * Graceful stop within {@code server.shutdowngrace}: not ready and new requests refused, the
     * requests in flight finish, the consumer acknowledges what it committed, the relay empties the
     * outbox, then the connections close. SIGTERM runs it (InventoryMain's shutdown hook).
     */
    @Override
    public void close() {
        shutdown.run();
    }
}
