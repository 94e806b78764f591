package com.drivenow.localstack;

import com.drivenow.localstack.embedded.EmbeddedAmqpBroker;
import com.drivenow.localstack.embedded.EmbeddedPostgresServer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole DriveNow system on one machine: PostgreSQL and an AMQP broker (embedded unless real
 * ones are configured), then inventory, booking and gateway servers, each its own process. A server
 * that dies is started again, with back-off ({@link SupervisedServer}).
 */
final class LocalStack {

    static final String INVENTORY_DATABASE = "drivenow_inventory";
    static final String BOOKING_DATABASE = "drivenow_booking";

    private final LocalStackSettings settings;
    private final PrintStream out;
    /** Servers get their grace period (server.shutdowngrace, PT20S) and a little more before SIGKILL. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(25);

    private final List<SupervisedServer> servers = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedAmqpBroker broker;
    private String postgresAdminUrl;
    private String amqpUri;

    LocalStack(LocalStackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void start() {
        startDatabase();
        startBroker();
        EmbeddedPostgresServer.ensureDatabase(postgresAdminUrl, INVENTORY_DATABASE);
        EmbeddedPostgresServer.ensureDatabase(postgresAdminUrl, BOOKING_DATABASE);

        String inventoryUrl = "http://127.0.0.1:" + settings.inventoryPort();
        String bookingUrl = "http://127.0.0.1:" + settings.bookingPort();
        startServer("inventory", "inventory-server", settings.inventoryPort(), Map.of(
                "DB_CONNECTION_URL", databaseUrl(INVENTORY_DATABASE)));
        new DemoFleet(inventoryUrl, settings.internalToken()).seedIfEmpty(out);
        startServer("booking", "booking-server", settings.bookingPort(), Map.of(
                "DB_CONNECTION_URL", databaseUrl(BOOKING_DATABASE),
                "INVENTORY_URL", inventoryUrl));
        startServer("gateway", "api-gateway", settings.gatewayPort(), Map.of(
                "UPSTREAM_INVENTORY", inventoryUrl,
                "UPSTREAM_BOOKING", bookingUrl));
    }

    private void startDatabase() {
        if (settings.postgresUrl() != null) {
            postgresAdminUrl = settings.postgresUrl();
            return;
        }
        out.println("Starting embedded PostgreSQL on port " + settings.postgresPort() + " (data in "
                + settings.home().resolve("postgres") + ")");
        postgres = EmbeddedPostgresServer.start(settings.postgresPort(), settings.home().resolve("postgres"),
                settings.home().resolve("postgres-binaries"));
        postgresAdminUrl = postgres.jdbcUrl("postgres");
    }

    private void startBroker() {
        if (settings.amqpUri() != null) {
            amqpUri = settings.amqpUri();
            return;
        }
        out.println("Starting embedded AMQP broker on port " + settings.amqpPort());
        broker = EmbeddedAmqpBroker.start(settings.amqpPort(), settings.home().resolve("broker"));
        amqpUri = broker.uri();
    }

    private void startServer(String name, String module, int port, Map<String, String> specific) {
        Map<String, String> env = new java.util.HashMap<>(specific);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MESSAGING_URI", amqpUri);
        env.put("INTERNAL_TOKEN", settings.internalToken());
        out.println("Starting " + name + " on port " + port);
        SupervisedServer server = new SupervisedServer(name,
                () -> ServerProcess.start(name, settings.jarOf(module), port, env, List.of(), out),
                Duration.ofSeconds(90), SupervisedServer.Backoff.LAUNCHER, out);
        servers.add(server);
        server.start();
    }

    private String databaseUrl(String database) {
        return postgresAdminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    void printSummary() {
        out.println();
        out.println("DriveNow is running. Press Ctrl-C to stop everything.");
        out.println();
        out.printf("  %-18s %s%n", "API gateway", "http://localhost:" + settings.gatewayPort()
                + "  (the only door: /api/v1/..., /health, /api/v1/openapi)");
        out.printf("  %-18s %s%n", "booking-server", "http://localhost:" + settings.bookingPort() + "  (internal)");
        out.printf("  %-18s %s%n", "inventory-server", "http://localhost:" + settings.inventoryPort() + "  (internal)");
        out.printf("  %-18s %s%n", "PostgreSQL", postgres != null
                ? "127.0.0.1:" + postgres.port() + " embedded, user postgres, databases "
                  + INVENTORY_DATABASE + ", " + BOOKING_DATABASE
                : postgresAdminUrl.replaceAll("password=[^&]*", "password=***"));
        out.printf("  %-18s %s%n", "AMQP broker", broker != null
                ? "127.0.0.1:" + broker.port() + " embedded (guest/guest)"
                : amqpUri.replaceAll("//([^:]*):[^@]*@", "//$1:***@"));
        out.println();
        out.println("  A server that stops on its own is started again (with back-off); the launcher says so here.");
        out.println();
        out.println("  Demo sign-ins: agent/agent (AGENT), manager/manager (FLEET_MANAGER); "
                + "API key: demo-integration-key (INTEGRATION)");
        out.println();
        out.println("  The desk client, from a second terminal (on Linux it needs GTK 3: apt-get install libgtk-3-0):");
        out.println("    \"$JAVA_HOME/bin/java\" -jar desk-client/target/desk-client.jar --gateway=http://localhost:"
                + settings.gatewayPort());
        out.println();
    }

    /** Stops servers in reverse order, then the broker and the database. Safe to call twice. */
    synchronized void stop() {
        for (SupervisedServer server : servers.reversed()) {
            out.println("Stopping " + server.name());
            server.stop(STOP_PATIENCE);
        }
        servers.clear();
        if (broker != null) {
            quietly("the AMQP broker", broker::stop);
            broker = null;
        }
        if (postgres != null) {
            quietly("PostgreSQL", postgres::close);
            postgres = null;
        }
    }

    /** One part failing to stop (Qpid may already have run its own shutdown hook) must not keep the rest running. */
    private void quietly(String part, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            out.println("Stopping " + part + " reported: " + e.getMessage());
        }
    }
}
