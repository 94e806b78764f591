package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;

import java.time.Duration;

/**
 * The long form of the fault suite: {@code java -cp bench/target/bench.jar
 * com.drivenow.bench.fault.FaultSuiteMain [rounds] [clients]} against the machine's PostgreSQL and
 * RabbitMQ (or DRIVENOW_BENCH_POSTGRES_URL / DRIVENOW_BENCH_AMQP_URI). Exits 1 when an invariant broke.
 */
public final class FaultSuiteMain {

    private FaultSuiteMain() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        AuditResult result = new FaultSuite(clients, 3, rounds, Duration.ofSeconds(10))
                .run(SystemSettings.fromEnvironment(), System.out);
        System.out.println(result.summary());
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }
}
