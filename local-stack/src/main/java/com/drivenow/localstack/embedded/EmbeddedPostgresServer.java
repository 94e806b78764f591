package com.drivenow.localstack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A real PostgreSQL (zonky's packaged binaries) started from Java. With a data directory its data
 * survives restarts; without one it lives in a scratch folder that is removed on stop.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * @param port     0 for any free port
     * @param dataDir  null for a throw-away database
     * @param workDir  where the binaries are unpacked (kept out of /tmp's way)
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, Path workDir) {
        try {
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPgBinaryResolver(EmbeddedPostgresServer::packagedBinaries)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The packaged binaries, found once even when they are on the class path twice: a module's tests
     * see both the binaries jar and the same jar again through local-stack.jar's manifest
     * {@code Class-Path}, which zonky's own resolver refuses as "Duplicate embedded postgres binaries".
     */
    private static InputStream packagedBinaries(String system, String architecture) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + ArchUtils.normalize(architecture) + ".txz";
        URL binaries = EmbeddedPostgresServer.class.getClassLoader().getResource(name);
        if (binaries == null) {
            throw new IOException("No embedded PostgreSQL binaries " + name + " on the class path; this build "
                    + "packages linux-amd64 only: point DRIVENOW_POSTGRES_URL at a real PostgreSQL instead");
        }
        return binaries.openStream();
    }

    public int port() {
        return port;
    }

    /** JDBC URL of {@code database} as the superuser {@code postgres}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), database);
    }

    /** Creates {@code database} on the server behind {@code adminUrl} unless it exists. */
    public static void ensureDatabase(String adminUrl, String database) {
        try (Connection c = java.sql.DriverManager.getConnection(adminUrl);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
