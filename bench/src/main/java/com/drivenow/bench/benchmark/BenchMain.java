package com.drivenow.bench.benchmark;

import com.drivenow.localstack.ServerProcess;
import com.drivenow.bench.client.ApiClient;
import com.drivenow.bench.client.Fleet;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;
import com.drivenow.bench.system.SystemSettings;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark, one command: {@code java -jar bench/target/bench.jar [seconds-per-step] [scale-bookings]}.
 * Starts the three servers as processes on fresh databases of the machine's PostgreSQL and RabbitMQ
 * (or DRIVENOW_BENCH_POSTGRES_URL / DRIVENOW_BENCH_AMQP_URI), prints a table and writes docs/PERFORMANCE.md.
 */
public final class BenchMain {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final int SCALE_CARS = 5_000;
    private static final int LOAD_CARS = 64;
    private static final int PROBE_CARS = 4;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Duration step = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int scaleBookings = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SystemSettings settings = SystemSettings.fromEnvironment();
        Report report = new Report();
        try (DriveNowSystem system = DriveNowSystem.start(settings, "bench")) {
            for (Server server : Server.values()) {
                report.add(server.module() + ": start to healthy", millis(system.startTime(Instance.first(server))), "");
            }
            Map<Server, Long> idle = rss(system);
            ApiClient manager = ApiClient.internal(system.url(Server.INVENTORY), DriveNowSystem.INTERNAL_TOKEN,
                    "bench", "FLEET_MANAGER");
            List<UUID> cars = Fleet.add(manager, "BN-" + UUID.randomUUID().toString().substring(0, 6),
                    LOAD_CARS + PROBE_CARS);
            ApiClient agent = ApiClient.gateway(system.url(Server.GATEWAY), "agent", "agent");
            Windows windows = new Windows(cars.subList(0, LOAD_CARS));

            Map<Integer, Double> bookingsPerSecond = new HashMap<>();
            for (int clients : CLIENTS) {
                LoadRun.Result run = LoadRun.run(clients, step, () -> {
                    Windows.Slot slot = windows.next();
                    return agent.createBooking(slot.carId(), slot.from(), slot.to(), Optional.empty()).is(201);
                });
                bookingsPerSecond.put(clients, run.perSecond());
                report.add("create booking via gateway, " + clients + " clients", perSecond(run) + ", p50/p95/p99 "
                        + percentiles(run.latencyMicros()) + (run.failed() > 0 ? ", " + run.failed() + " failed" : ""), "");
            }
            Map<Server, Long> loaded = rss(system);

            try (PgbenchBaseline pgbench = new PgbenchBaseline(system.databases(), system.databaseUrl(Server.BOOKING))) {
                for (int clients : CLIENTS) {
                    double tps = pgbench.transactionsPerSecond(clients, step);
                    double ratio = bookingsPerSecond.get(clients) / tps;
                    report.add("pgbench same transaction, " + clients + " clients", "%.0f tx/s; DriveNow/pgbench %.2f"
                            .formatted(tps, ratio), clients == 32 ? ">= 0.50" + verdict(ratio >= 0.5) : "");
                }
            }

            Histogram propagation = propagationUnderLoad(system, agent, cars.subList(LOAD_CARS, LOAD_CARS + PROBE_CARS), windows, step);
            double p99 = propagation.getValueAtPercentile(99) / 1000.0;
            report.add("pick-up commit -> car.status-changed RENTED (32 clients load)", "p50 %.1f ms, p99 %.1f ms, %d samples"
                    .formatted(propagation.getValueAtPercentile(50) / 1000.0, p99, propagation.getTotalCount()),
                    "p99 < 100 ms" + verdict(propagation.getTotalCount() > 0 && p99 < 100));

            ApiClient direct = ApiClient.internal(system.url(Server.INVENTORY), DriveNowSystem.INTERNAL_TOKEN,
                    "bench", "AGENT");
            // Alternating one-second slices, so load from elsewhere on the machine hits both sides alike.
            LoadRun.Result[] getCars = LoadRun.alternate(8, step, () -> agent.get("/api/v1/cars?size=20").is(200),
                    () -> direct.get("/api/v1/cars?size=20").is(200));
            double fewer = 1 - getCars[0].perSecond() / getCars[1].perSecond();
            report.add("GET cars, 8 clients: gateway vs inventory direct", "%s vs %s: %.0f%% fewer"
                    .formatted(perSecond(getCars[0]), perSecond(getCars[1]), fewer * 100),
                    "<= 15% fewer" + verdict(fewer <= 0.15));

            long loadStart = System.nanoTime();
            ScaleData.load(system.databaseUrl(Server.BOOKING), SCALE_CARS, scaleBookings);
            report.add("load " + SCALE_CARS + " cars + " + scaleBookings + " bookings (generate_series)",
                    millis(Duration.ofNanos(System.nanoTime() - loadStart)), "");
            Instant from = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
            String window = "from=" + from + "&to=" + from.plus(Duration.ofDays(2));
            LoadRun.Result filtered = LoadRun.run(1, step, () -> agent.get("/api/v1/availability?" + window
                    + "&category=" + ScaleData.CATEGORY + "&location=" + ScaleData.LOCATION).is(200));
            double availabilityP99 = filtered.percentileMillis(99);
            report.add("availability, category + location (1 client)", "p50/p95/p99 " + percentiles(filtered.latencyMicros()),
                    "p99 < 20 ms" + verdict(availabilityP99 < 20));
            LoadRun.Result whole = LoadRun.run(1, step, () -> agent.get("/api/v1/availability?" + window).is(200));
            report.add("availability, whole fleet (~5000 cars in the answer)", "p50/p95/p99 " + percentiles(whole.latencyMicros()), "");
            LoadRun.Result firstPage = LoadRun.run(1, step, () -> agent.get("/api/v1/bookings?size=50").is(200));
            report.add("booking list, first page of 50 (with total)", "p50/p95/p99 " + percentiles(firstPage.latencyMicros()), "");
            LoadRun.Result byCar = LoadRun.run(1, step, () -> agent.get("/api/v1/bookings?size=50&carId="
                    + cars.getFirst()).is(200));
            report.add("booking list, one car's bookings", "p50/p95/p99 " + percentiles(byCar.latencyMicros()), "");

            for (Server server : Server.values()) {
                report.add(server.module() + ": RSS idle / after load", idle.get(server) / 1024 + " MiB / "
                        + loaded.get(server) / 1024 + " MiB", "");
            }
        }
        report.write(settings.repository().resolve("docs").resolve("PERFORMANCE.md"),
                "java -jar bench/target/bench.jar " + step.toSeconds() + " " + scaleBookings, settings.serverJavaOptions());
    }

    /** 32 clients booking while four probes rent cars out and back and time the RENTED event. */
    private static Histogram propagationUnderLoad(DriveNowSystem system, ApiClient agent, List<UUID> probeCars,
                                                  Windows windows, Duration step) throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicBoolean running = new AtomicBoolean(true);
        try (CarStatusEvents events = new CarStatusEvents(system.amqpUri(), system.namespace())) {
            List<Thread> probes = new ArrayList<>();
            for (UUID car : probeCars) {
                probes.add(Thread.ofVirtual().start(new PropagationProbe(agent, car, events, running::get, latency)));
            }
            LoadRun.run(32, step, () -> {
                Windows.Slot slot = windows.next();
                return agent.createBooking(slot.carId(), slot.from(), slot.to(), Optional.empty()).is(201);
            });
            running.set(false);
            for (Thread probe : probes) {
                probe.join();
            }
        }
        return latency;
    }

    private static Map<Server, Long> rss(DriveNowSystem system) {
        Map<Server, Long> rss = new EnumMap<>(Server.class);
        for (Server server : Server.values()) {
            ServerProcess process = system.process(Instance.first(server));
            rss.put(server, process.residentKiB());
        }
        return rss;
    }

    private static String verdict(boolean met) {
        return met ? " (met)" : " (MISSED)";
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String perSecond(LoadRun.Result run) {
        return "%.0f/s".formatted(run.perSecond());
    }

    private static String percentiles(Histogram micros) {
        return "%.1f / %.1f / %.1f ms".formatted(micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(95) / 1000.0, micros.getValueAtPercentile(99) / 1000.0);
    }
}
