package com.drivenow.bench.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the system under test runs: the repository holding the servers' jars, the PostgreSQL
 * maintenance database (fresh databases are made next to it) and the AMQP broker.
 *
 * @param repository      the checkout; servers run from {@code <module>/target/<module>.jar}
 * @param postgresAdminUrl JDBC URL of a superuser's maintenance database
 * @param amqpUri         the broker every server talks to
 * @param logs            where each server's output goes, one file per server
 * @param serverJavaOptions extra JVM options for every server (a profiler, a system property to try)
 */
public record SystemSettings(Path repository, String postgresAdminUrl, String amqpUri, Path logs,
                             List<String> serverJavaOptions) {

    public static final String POSTGRES_URL_ENV = "DRIVENOW_BENCH_POSTGRES_URL";
    public static final String AMQP_URI_ENV = "DRIVENOW_BENCH_AMQP_URI";
    public static final String SERVER_JAVA_OPTIONS_ENV = "DRIVENOW_BENCH_SERVER_JAVA_OPTIONS";

    /** The machine's PostgreSQL and RabbitMQ unless the environment names others. */
    public static SystemSettings fromEnvironment() {
        return new SystemSettings(repositoryRoot(),
                orDefault(System.getenv(POSTGRES_URL_ENV), "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                orDefault(System.getenv(AMQP_URI_ENV), "amqp://guest:guest@127.0.0.1:5672/%2F"),
                repositoryRoot().resolve("bench").resolve("target").resolve("bench-logs"),
                words(System.getenv(SERVER_JAVA_OPTIONS_ENV)));
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** The repository root: {@code -Ddrivenow.repository}, else this directory or its parent (run from bench/). */
    public static Path repositoryRoot() {
        String configured = System.getProperty("drivenow.repository");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("bench")) ? here : here.getParent();
    }

    public Path jarOf(String module) {
        return repository.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
