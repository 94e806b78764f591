package com.drivenow.localstack.testing;

import com.drivenow.localstack.embedded.EmbeddedAmqpBroker;
import com.drivenow.localstack.embedded.EmbeddedPostgresServer;
import com.drivenow.localstack.embedded.FreePorts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL and AMQP broker that tests talk to, one per test JVM.
 *
 * <p>With {@code DRIVENOW_TEST_POSTGRES_URL} (a JDBC URL of a superuser's maintenance database,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) and
 * {@code DRIVENOW_TEST_AMQP_URI} (e.g. {@code amqp://guest:guest@127.0.0.1:5672/%2F}) the machine's
 * real servers are used, as in CI; otherwise an embedded PostgreSQL and an embedded broker are
 * started on free ports. Each test gets its own database ({@link #freshDatabase}) and its own
 * messaging namespace ({@link #freshNamespace}), so test classes never see each other's data and
 * may run in parallel. Databases made here are dropped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final String POSTGRES_URL_ENV = "DRIVENOW_TEST_POSTGRES_URL";
    public static final String AMQP_URI_ENV = "DRIVENOW_TEST_AMQP_URI";

    private static TestInfrastructure instance;

    private final String adminUrl;
    private final String amqpUri;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestInfrastructure(String adminUrl, String amqpUri) {
        this.adminUrl = adminUrl;
        this.amqpUri = amqpUri;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreatedDatabases, "drop-test-databases"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure(postgresAdminUrl(), amqpUri());
        }
        return instance;
    }

    private static String postgresAdminUrl() {
        String url = System.getenv(POSTGRES_URL_ENV);
        if (url != null && !url.isBlank()) {
            return url;
        }
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "drivenow-test-postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null, work);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
        return postgres.jdbcUrl("postgres");
    }

    private static String amqpUri() {
        String uri = System.getenv(AMQP_URI_ENV);
        if (uri != null && !uri.isBlank()) {
            return uri;
        }
        EmbeddedAmqpBroker broker = startEmbeddedBroker();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-embedded-broker"));
        return broker.uri();
    }

    /** A broker of the test's own, which it may stop and start; always embedded. */
    public static EmbeddedAmqpBroker startEmbeddedBroker() {
        int port = FreePorts.find();
        return EmbeddedAmqpBroker.start(port, Path.of(System.getProperty("java.io.tmpdir"), "drivenow-qpid-" + port));
    }

    /** True when tests run against the machine's real PostgreSQL and RabbitMQ. */
    public static boolean usesRealServers() {
        return System.getenv(POSTGRES_URL_ENV) != null && System.getenv(AMQP_URI_ENV) != null;
    }

    /** A new, empty database; returns its JDBC URL (credentials in the URL). */
    public synchronized String freshDatabase(String purpose) {
        String name = "dn_test_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE \"" + name + "\"");
        createdDatabases.add(name);
        return adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /** A messaging namespace no other test uses, for exchanges and queues. */
    public String freshNamespace(String purpose) {
        return "test." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public String amqp() {
        return amqpUri;
    }

    private void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            } catch (IllegalStateException e) {
                // The server may already be gone at JVM exit; nothing else to clean then.
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
