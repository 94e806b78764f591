package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.client.Fleet;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Server;
import com.drivenow.bench.system.SystemSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Under a steady rental load through the gateway, kills each server with SIGKILL and starts it again
 * and cuts the broker, round after round, with a poison event sent on purpose; then lets the system
 * settle, audits it from outside and prints the figures. Inventory runs as several instances on one
 * database and one queue, so one keeps consuming while another is killed (by turns, round by round).
 *
 * @param clients       desks renting in parallel, each with its own cars
 * @param carsPerClient cars each desk rotates through
 * @param rounds        times every fault is injected
 * @param calm          load without faults before each fault
 * @param inventories   inventory-server instances consuming the booking events side by side
 */
public record FaultSuite(int clients, int carsPerClient, int rounds, Duration calm, int inventories) {

    public FaultSuite {
        if (inventories < 1) {
            throw new IllegalArgumentException("at least one inventory-server instance: " + inventories);
        }
    }

    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(90);

    public AuditResult run(SystemSettings settings, PrintStream log) {
        long started = System.nanoTime();
        try (DriveNowSystem system = DriveNowSystem.start(settings, "faults", Map.of(Server.INVENTORY, inventories))) {
            ApiClient fleetManager = ApiClient.internal(system.url(Server.INVENTORY), DriveNowSystem.INTERNAL_TOKEN,
                    "fault-suite", "FLEET_MANAGER");
            List<UUID> cars = Fleet.add(fleetManager, "FLT-" + UUID.randomUUID().toString().substring(0, 6),
                    clients * carsPerClient);
            ApiClient agent = ApiClient.gateway(system.url(Server.GATEWAY), "agent", "agent");
            ParkingQueues parking = new ParkingQueues(system.amqpUri(), system.namespace());
            UUID poison = parking.publishPoison();
            log.printf("[%3d s] system up, %d inventory-server instances, %d cars%n", since(started), inventories,
                    cars.size());

            LoadFigures figures = new LoadFigures();
            DeliveryCounters counters = new DeliveryCounters();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> desks = startDesks(agent, cars, figures, running);
            for (int round = 1; round <= rounds; round++) {
                for (Fault fault : Fault.values()) {
                    Pause.quietly(calm);
                    log.printf("[%3d s] round %d: %s (%d created so far)%n", since(started), round, fault,
                            figures.created());
                    String done = fault.inject(system, round, counters);
                    log.printf("[%3d s]   %s%n", since(started), done);
                }
            }
            Pause.quietly(calm);
            running.set(false);
            awaitEnd(desks);
            log.printf("[%3d s] load stopped%n", since(started));

            SystemAudit audit = new SystemAudit(system, parking, poison);
            audit.awaitSettled(SETTLE_PATIENCE);
            log.printf("[%3d s] settled, auditing%n", since(started));
            AuditResult result = audit.audit(figures,
                    counters.total(system.instances(Server.INVENTORY).stream().map(system::url).toList()));
            log.println(result.summary());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    private List<Thread> startDesks(ApiClient agent, List<UUID> cars, LoadFigures figures, AtomicBoolean running) {
        List<Thread> desks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            RentalClient desk = new RentalClient(agent, cars.subList(i * carsPerClient, (i + 1) * carsPerClient),
                    figures, running::get);
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
