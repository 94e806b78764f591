package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.client.Fleet;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;
import com.drivenow.bench.system.SystemSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Under a steady rental load through the gateways, injects {@code faults} round after round (kill -9
 * of a server, a broker cut, a rolling restart with SIGTERM), with a poison event sent on purpose;
 * then lets the system settle, audits it from outside and prints the figures. Servers may run as
 * several instances on one database and one queue ({@code instances}); the desks are spread over
 * the gateways and retry at the next one, and one desk's live view follows each gateway.
 *
 * <p>Two forms: {@link #faults} (two inventories, every kind of kill and the broker cut) and
 * {@link #replicas} (two of every server, a kill -9 of one of each, then a rolling restart of all).
 *
 * @param clients       desks renting in parallel, each with its own cars
 * @param carsPerClient cars each desk rotates through
 * @param rounds        times the faults are injected
 * @param calm          load without faults before each fault
 * @param instances     instances of each server (one of a server not named)
 * @param plan          the faults of one round, in order
 */
public record FaultSuite(int clients, int carsPerClient, int rounds, Duration calm, Map<Server, Integer> instances,
                         List<Fault> plan) {

    public FaultSuite {
        if (instances.getOrDefault(Server.INVENTORY, 1) < 1) {
            throw new IllegalArgumentException("at least one inventory-server instance: " + instances);
        }
        instances = Map.copyOf(instances);
        plan = List.copyOf(plan);
    }

    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(90);

    /** The fault suite: {@code inventories} inventory instances, one booking server and one gateway. */
    public static FaultSuite faults(int clients, int carsPerClient, int rounds, Duration calm, int inventories) {
        return new FaultSuite(clients, carsPerClient, rounds, calm, Map.of(Server.INVENTORY, inventories),
                List.of(Fault.KILL_BOOKING, Fault.KILL_INVENTORY, Fault.KILL_GATEWAY, Fault.CUT_BROKER));
    }

    /** Replicas: two of every server; each round kills one of each with kill -9, then restarts all with SIGTERM. */
    public static FaultSuite replicas(int clients, int carsPerClient, int rounds, Duration calm) {
        Map<Server, Integer> two = new EnumMap<>(Server.class);
        for (Server server : Server.values()) {
            two.put(server, 2);
        }
        return new FaultSuite(clients, carsPerClient, rounds, calm, two,
                List.of(Fault.KILL_INVENTORY, Fault.KILL_BOOKING, Fault.KILL_GATEWAY, Fault.ROLLING_RESTART));
    }

    public AuditResult run(SystemSettings settings, PrintStream log) {
        long started = System.nanoTime();
        try (DriveNowSystem system = DriveNowSystem.start(settings, "faults", instances)) {
            ApiClient fleetManager = ApiClient.internal(system.url(Server.INVENTORY), DriveNowSystem.INTERNAL_TOKEN,
                    "fault-suite", "FLEET_MANAGER");
            List<UUID> cars = Fleet.add(fleetManager, "FLT-" + UUID.randomUUID().toString().substring(0, 6),
                    clients * carsPerClient);
            List<URI> gateways = system.urls(Server.GATEWAY);
            ApiClient agent = ApiClient.gateways(gateways, "agent", "agent");
            ParkingQueues parking = new ParkingQueues(system.amqpUri(), system.namespace());
            UUID poison = parking.publishPoison();
            log.printf("[%3d s] system up: %s; %d cars%n", since(started), describe(system), cars.size());

            LoadFigures figures = new LoadFigures();
            DeliveryCounters counters = new DeliveryCounters();
            Outages outages = new Outages();
            RestartFigures restarts = new RestartFigures(figures::failed);
            Fault.Context context = new Fault.Context(system, counters, outages, restarts);
            List<LiveEventWatcher> watchers = watch(system, agent);
            watchers.forEach(watcher -> watcher.awaitConnected(Duration.ofSeconds(30)));
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> desks = startDesks(agent, cars, figures, running);
            for (int round = 1; round <= rounds; round++) {
                // A desk that loses its stream for a moment resumes with Last-Event-ID and misses nothing.
                Pause.quietly(calm.dividedBy(2));
                watchers.forEach(LiveEventWatcher::dropAndResume);
                for (Fault fault : plan) {
                    Pause.quietly(calm);
                    log.printf("[%3d s] round %d: %s (%d created so far)%n", since(started), round, fault,
                            figures.created());
                    String done = fault.inject(context, round);
                    log.printf("[%3d s]   %s%n", since(started), done);
                }
            }
            Pause.quietly(calm);
            running.set(false);
            awaitEnd(desks);
            log.printf("[%3d s] load stopped%n", since(started));

            SystemAudit audit = new SystemAudit(system, parking, poison);
            audit.awaitSettled(SETTLE_PATIENCE);
            // Let the last events reach the desks' streams.
            Pause.quietly(Duration.ofSeconds(1));
            watchers.forEach(LiveEventWatcher::close);
            log.printf("[%3d s] settled, auditing%n", since(started));
            AuditResult result = audit.audit(figures,
                    counters.total(system.instances(Server.INVENTORY).stream().map(system::url).toList()),
                    restarts, watchers, outages);
            log.println(result.summary());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DriveNowSystem system) {
        List<String> counts = new ArrayList<>();
        for (Server server : Server.values()) {
            counts.add(system.instances(server).size() + " " + server.module());
        }
        return String.join(", ", counts);
    }

    /** One desk's live view on each gateway. */
    private static List<LiveEventWatcher> watch(DriveNowSystem system, ApiClient agent) {
        List<LiveEventWatcher> watchers = new ArrayList<>();
        for (Instance gateway : system.instances(Server.GATEWAY)) {
            watchers.add(new LiveEventWatcher(gateway, system.url(gateway), agent));
        }
        return watchers;
    }

    private static long since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    /** The desks, spread over the gateways (desk i starts at gateway i). */
    private List<Thread> startDesks(ApiClient agent, List<UUID> cars, LoadFigures figures, AtomicBoolean running) {
        List<Thread> desks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            RentalClient desk = new RentalClient(agent.startingAt(i), cars.subList(i * carsPerClient,
                    (i + 1) * carsPerClient), figures, running::get);
            desks.add(Thread.ofVirtual().name("desk-" + i).start(desk));
        }
        return desks;
    }

    private static void awaitEnd(List<Thread> desks) {
        for (Thread desk : desks) {
            try {
                desk.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
