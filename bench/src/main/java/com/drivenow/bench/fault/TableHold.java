package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A lock on one table of a server's database, taken from outside in an open transaction, so that
 * the server's work on that table stops and waits midway: what it did before is done, what follows
 * is not. Closing rolls the transaction back, which releases the lock.
 */
final class TableHold implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Connection holder;
    private final Connection observer;
    private final int holderPid;

    private TableHold(Connection holder, Connection observer, int holderPid) {
        this.holder = holder;
        this.observer = observer;
        this.holderPid = holderPid;
    }

    /** {@code LOCK TABLE table IN mode MODE}, e.g. {@code SHARE} (stops writes) or {@code EXCLUSIVE} (also row locks). */
    static TableHold take(String databaseUrl, String table, String mode) {
        Connection holder = null;
        try {
            holder = DriverManager.getConnection(databaseUrl);
            holder.setAutoCommit(false);
            int pid;
            try (Statement s = holder.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '10s'");
                s.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
                try (ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
                    row.next();
                    pid = row.getInt(1);
                }
            }
            return new TableHold(holder, DriverManager.getConnection(databaseUrl), pid);
        } catch (SQLException e) {
            closeQuietly(holder);
            throw new IllegalStateException("Cannot lock " + table + " in " + mode + " mode: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until at least {@code sessions} other sessions wait for this lock while running a
     * statement that starts with {@code statement} (any statement when it is empty); true when they
     * did within {@code patience}.
     */
    boolean awaitWaiting(int sessions, String statement, Duration patience) {
        return awaitWaiting(sessions, statement, "", patience);
    }

    /** As {@link #awaitWaiting(int, String, Duration)}, counting only sessions whose application name starts with {@code application}. */
    boolean awaitWaiting(int sessions, String statement, String application, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            if (waiting(statement, application) >= sessions) {
                return true;
            }
            Pause.quietly(POLL);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private long waiting(String statement, String application) {
        try (PreparedStatement query = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE ? = ANY (pg_blocking_pids(pid)) AND query ILIKE ? AND application_name LIKE ?")) {
            query.setInt(1, holderPid);
            query.setString(2, statement + "%");
            query.setString(3, application + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot see who waits for the lock: " + e.getMessage(), e);
        }
    }

    /** Rolls back: the lock is released, the waiting sessions go on. */
    @Override
    public void close() {
        try {
            holder.rollback();
        } catch (SQLException e) {
            // closing the connection releases the lock all the same
        }
        closeQuietly(holder);
        closeQuietly(observer);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
