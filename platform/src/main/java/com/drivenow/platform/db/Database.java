package com.drivenow.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A server's PostgreSQL: a HikariCP pool, migrations applied, and a Helidon {@link DbClient}.
 *
 * <p>Migrations run in two histories: the platform's own tables (outbox, processed events) from
 * {@code db/platform} and the server's domain tables from its own location, so neither has to
 * know the other's version numbers.
 *
 * <p>Config ({@code db}): {@code connection.url}, {@code connection.username},
 * {@code connection.password}, {@code pool.size}, {@code pool.connection-timeout} (how long a caller
 * waits for a connection), {@code pool.initialization-timeout} (how long start-up waits for the database).
 */
public final class Database implements AutoCloseable {

    /** The advisory lock the migrations hold, one per database ("DRIVENOW" in ASCII). */
    private static final long MIGRATION_LOCK = 0x445249564e4e4f57L;

    private final HikariDataSource dataSource;
    private final DbClient client;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.client = JdbcClientBuilder.create().connectionPool(new HikariConnectionPool(dataSource)).build();
    }

    /**
     * Opens the pool and migrates. {@code migrationLocation} is the server's own classpath folder
     * ({@code db/inventory}, {@code db/booking}): servers whose jars share a classpath (tests that
     * start several servers in one JVM) must keep their scripts apart, or Flyway sees them all.
     */
    public static Database start(Config db, String poolName, String migrationLocation) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(db.get("connection.url").asString().get());
        db.get("connection.username").asString().ifPresent(hikari::setUsername);
        db.get("connection.password").asString().ifPresent(hikari::setPassword);
        // dbclient-jdbc binds UUIDs and other non-JDBC types as strings; "unspecified" lets
        // PostgreSQL infer the column's type (uuid, timestamptz, jsonb) instead of refusing varchar.
        hikari.addDataSourceProperty("stringtype", "unspecified");
        hikari.setMaximumPoolSize(db.get("pool.size").asInt().get());
        hikari.setConnectionTimeout(db.get("pool.connection-timeout").as(Duration.class).get().toMillis());
        // Fail fast at start when the database is unreachable, with the pool's own clear message.
        hikari.setInitializationFailTimeout(db.get("pool.initialization-timeout").as(Duration.class).get().toMillis());
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            migrateAlone(hikari, () -> {
                migrate(dataSource, "db/platform", "flyway_platform_history");
                migrate(dataSource, migrationLocation, "flyway_schema_history");
            });
            return new Database(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Runs the migrations holding a PostgreSQL advisory lock (on a connection of its own, outside the
     * pool): replicas starting together on a fresh database would otherwise both try to create and
     * baseline Flyway's history table, and one of them fail.
     */
    private static void migrateAlone(HikariConfig hikari, Runnable migrations) {
        try (Connection lock = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
                hikari.getPassword()); Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                migrations.run();
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, String location, String historyTable) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public DbClient client() {
        return client;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        client.close();
        dataSource.close();
    }
}
