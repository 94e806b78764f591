package com.drivenow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack puts things, read from the environment with laptop-friendly defaults.
 * The embedded servers use their own ports, never 5432/5672 which a machine's real PostgreSQL and
 * RabbitMQ usually hold.
 *
 * @param home          data folder (database files, logs): DRIVENOW_HOME, default ~/.drivenow
 * @param repository    the checkout whose server jars are started: DRIVENOW_REPOSITORY, default "."
 * @param postgresUrl   a real PostgreSQL's admin JDBC URL (DRIVENOW_POSTGRES_URL), or null for embedded
 * @param postgresPort  port of the embedded PostgreSQL: DRIVENOW_POSTGRES_PORT, default 15432
 * @param amqpUri       a real broker's AMQP URI (DRIVENOW_AMQP_URI), or null for embedded
 * @param amqpPort      port of the embedded broker: DRIVENOW_AMQP_PORT, default 15673
 * @param internalToken the servers' shared credential: INTERNAL_TOKEN, default the development one
 */
record LocalStackSettings(Path home, Path repository, String postgresUrl, int postgresPort, String amqpUri,
                          int amqpPort, int gatewayPort, int bookingPort, int inventoryPort, String internalToken) {

    static LocalStackSettings from(Map<String, String> env) {
        return new LocalStackSettings(
                Path.of(env.getOrDefault("DRIVENOW_HOME", Path.of(System.getProperty("user.home"), ".drivenow").toString())),
                Path.of(env.getOrDefault("DRIVENOW_REPOSITORY", ".")).toAbsolutePath().normalize(),
                blankToNull(env.get("DRIVENOW_POSTGRES_URL")),
                Integer.parseInt(env.getOrDefault("DRIVENOW_POSTGRES_PORT", "15432")),
                blankToNull(env.get("DRIVENOW_AMQP_URI")),
                Integer.parseInt(env.getOrDefault("DRIVENOW_AMQP_PORT", "15673")),
                Integer.parseInt(env.getOrDefault("GATEWAY_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("BOOKING_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("INVENTORY_PORT", "8082")),
                env.getOrDefault("INTERNAL_TOKEN", "dev-internal-token"));
    }

    Path jarOf(String module) {
        return repository.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
