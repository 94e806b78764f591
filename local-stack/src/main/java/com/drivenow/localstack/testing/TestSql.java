package com.drivenow.localstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain SQL on a test database, beside the server's own pool: writes rows and counts them. Foreign
 * keys are not enforced on this connection, so a test writes only the table it is about, however the
 * tables it points to grow.
 */
public final class TestSql implements AutoCloseable {

    private final Connection connection;

    private TestSql(Connection connection) {
        this.connection = connection;
    }

    public static TestSql open(String jdbcUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        }
        return new TestSql(connection);
    }

    public void execute(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** {@code SELECT count(*) FROM <from>}. */
    public long count(String from) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
