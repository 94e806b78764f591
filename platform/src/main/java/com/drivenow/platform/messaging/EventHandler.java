package com.drivenow.platform.messaging;

import io.helidon.dbclient.DbTransaction;

/**
 * Applies one event inside the consumer's transaction, the same one that records the event as
 * processed. Returns a short outcome for the processed-event table ("applied", "stale: ...").
 * Throws {@link PoisonEventException} when the event can never be applied; any other exception is
 * treated as transient and the event is delivered again.
 */
@FunctionalInterface
public interface EventHandler {

    String handle(DbTransaction tx, IncomingEvent event);

    /** Called in the transaction that records a parked event, for example to announce a conflict. */
    @FunctionalInterface
    interface ParkedListener {
        void parked(DbTransaction tx, IncomingEvent event, String reason);

        ParkedListener NONE = (tx, event, reason) -> { };
    }
}
