package com.drivenow.bench.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Creates and drops the fresh databases a run uses, through the maintenance database. */
public final class Databases {

    private final String adminUrl;

    public Databases(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** A new empty database; returns its name. */
    public String create(String purpose) {
        String name = "bench_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE \"" + name + "\"");
        return name;
    }

    public void drop(String name) {
        execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    /** The JDBC URL of {@code database} on the same server, with the same credentials. */
    public String urlOf(String database) {
        return adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
