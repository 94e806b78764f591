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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Under a steady rental load through the gateway, kills each server with SIGKILL and starts it again
 * and cuts the broker, round after round, with a poison event sent on purpose; then lets the system
 * settle and audits it from outside.
 *
 * @param clients       desks renting in parallel, each with its own cars
 * @param carsPerClient cars each desk rotates through
 * @param rounds        times every fault is injected
 * @param calm          load without faults before each fault
 */
public record FaultSuite(int clients, int carsPerClient, int rounds, Duration calm) {

    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(90);

    public AuditResult run(SystemSettings settings, PrintStream log) {
        try (DriveNowSystem system = DriveNowSystem.start(settings, "faults")) {
            ApiClient fleetManager = ApiClient.internal(system.url(Server.INVENTORY), DriveNowSystem.INTERNAL_TOKEN,
                    "fault-suite", "FLEET_MANAGER");
            List<UUID> cars = Fleet.add(fleetManager, "FLT-" + UUID.randomUUID().toString().substring(0, 6),
                    clients * carsPerClient);
            ApiClient agent = ApiClient.gateway(system.url(Server.GATEWAY), "agent", "agent");
            ParkingQueues parking = new ParkingQueues(system.amqpUri(), system.namespace());
            UUID poison = parking.publishPoison();

            LoadFigures figures = new LoadFigures();
            DuplicateCounter duplicates = new DuplicateCounter();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> desks = startDesks(agent, cars, figures, running);
            for (int round = 1; round <= rounds; round++) {
                for (Fault fault : Fault.values()) {
                    Pause.quietly(calm);
                    log.printf("round %d: %s (%d created so far)%n", round, fault, figures.created());
                    fault.inject(system, duplicates);
                }
            }
            Pause.quietly(calm);
            running.set(false);
            awaitEnd(desks);

            SystemAudit audit = new SystemAudit(system, parking);
            audit.awaitSettled(SETTLE_PATIENCE);
            return audit.audit(figures, duplicates.total(system.url(Server.INVENTORY)), poison);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
