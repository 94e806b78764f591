package com.drivenow.platform.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work in one database transaction: commit when it returns, roll back when it throws.
 *
 * <p>When a statement fails, dbclient-jdbc 4.5 has already closed the connection, so the rollback
 * itself may throw; that failure is attached as suppressed and the original error is rethrown, which
 * is the one the caller needs to see (a unique violation, say). Atomicity holds either way.
 */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T inTransaction(DbClient db, Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx, e);
            throw e;
        }
        tx.commit();
        return result;
    }

    public static void run(DbClient db, Consumer<DbTransaction> work) {
        inTransaction(db, tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static void rollbackQuietly(DbTransaction tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
