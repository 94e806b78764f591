package com.drivenow.bench.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Read-only queries against a server's database, from outside the server. */
final class Sql {

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final String url;

    Sql(String url) {
        this.url = url;
    }

    <T> List<T> query(String sql, RowReader<T> reader) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        return query(sql, row -> row.getLong(1)).getFirst();
    }
}
