package com.drivenow.platform.db;

import java.sql.SQLException;
import java.util.Optional;

/** Finds PostgreSQL's SQLSTATE in an exception's cause chain, to turn constraint violations into 409s. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String CHECK_VIOLATION = "23514";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    public static Optional<SQLException> find(Throwable error, String sqlState) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    public static boolean is(Throwable error, String sqlState) {
        return find(error, sqlState).isPresent();
    }

    /** The violated constraint's name, from the server's error fields, to tell plate from other keys. */
    public static Optional<String> constraint(Throwable error, String sqlState) {
        return find(error, sqlState)
                .filter(e -> e instanceof org.postgresql.util.PSQLException)
                .map(e -> ((org.postgresql.util.PSQLException) e).getServerErrorMessage())
                .map(m -> m == null ? null : m.getConstraint());
    }
}
