package com.drivenow.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells an infrastructure failure (the database or broker away, a pool exhausted, a deadlock) from a
 * failure of the event itself. The first kind says nothing about the event: it will apply once the
 * infrastructure is back, so it is retried for as long as it takes and never counts towards parking.
 */
public final class Failures {

    /**
     * SQLSTATE classes and codes of PostgreSQL that mean "try again later": connection exceptions,
     * transaction rollbacks (serialization failure, deadlock), insufficient resources, operator
     * intervention (shutdown, recovery), system errors, and a lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Failures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof TimeoutException
                    || t instanceof com.rabbitmq.client.ShutdownSignalException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean transientState(String sqlState) {
        return sqlState != null && sqlState.length() == 5
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || LOCK_NOT_AVAILABLE.equals(sqlState));
    }
}
