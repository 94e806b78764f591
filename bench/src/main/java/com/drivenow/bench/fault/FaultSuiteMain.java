package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;

import java.time.Duration;

/**
 * The long form of the fault suite: {@code java -cp bench/target/bench.jar
 * com.drivenow.bench.fault.FaultSuiteMain [rounds] [clients] [inventories]} against the machine's
 * PostgreSQL and RabbitMQ (or DRIVENOW_BENCH_POSTGRES_URL / DRIVENOW_BENCH_AMQP_URI); 5 rounds,
 * 8 desks and 2 inventory-server instances unless told. Exits 1 when an invariant broke.
 */
public final class FaultSuiteMain {

    private FaultSuiteMain() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int inventories = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        AuditResult result = new FaultSuite(clients, 3, rounds, Duration.ofSeconds(10), inventories)
                .run(SystemSettings.fromEnvironment(), System.out);
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }
}
