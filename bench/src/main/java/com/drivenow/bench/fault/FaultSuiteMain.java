package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The long form of the fault suite, against the machine's PostgreSQL and RabbitMQ (or
 * DRIVENOW_BENCH_POSTGRES_URL / DRIVENOW_BENCH_AMQP_URI). Exits 1 when an invariant broke.
 * <ul>
 *   <li>{@code java -cp bench/target/bench.jar com.drivenow.bench.fault.FaultSuiteMain [rounds] [clients]
 *       [inventories]}: kills of every server and broker cuts; 5 rounds, 8 desks and 2
 *       inventory-server instances unless told.</li>
 *   <li>{@code ... FaultSuiteMain --replicas [rounds] [clients]}: two of every server, each round a
 *       kill -9 of one of each and a rolling restart of all with SIGTERM; 3 rounds, 8 desks unless told.</li>
 * </ul>
 */
public final class FaultSuiteMain {

    private FaultSuiteMain() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean replicas = rest.remove("--replicas");
        int rounds = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : replicas ? 3 : 5;
        int clients = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 8;
        int inventories = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 2;
        FaultSuite suite = replicas
                ? FaultSuite.replicas(clients, 3, rounds, Duration.ofSeconds(10))
                : FaultSuite.faults(clients, 3, rounds, Duration.ofSeconds(10), inventories);
        AuditResult result = suite.run(SystemSettings.fromEnvironment(), System.out);
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }
}
