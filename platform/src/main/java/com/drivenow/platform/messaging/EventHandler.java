package com.drivenow.platform.messaging;

import io.helidon.dbclient.DbTransaction;

/**
 * Applies one event inside the consumer's transaction, the same one that records the event as
 * processed. Returns a short outcome for the processed-event table ("applied", "stale: ...").
 * Throws {@link PoisonEventException} when the event can never be applied; any other exception is
 * tried again: for as long as it takes when the infrastructure failed ({@link Failures}), a few
 * times otherwise.
 */
@FunctionalInterface
public interface EventHandler {

    String handle(DbTransaction tx, IncomingEvent event);

    /**
     * Called in the transaction that records an event parked as poison, for example to announce a
     * conflict; never for an event that was only delayed.
     */
    @FunctionalInterface
    interface ParkedListener {
        void parked(DbTransaction tx, IncomingEvent event, String reason);

        ParkedListener NONE = (tx, event, reason) -> { };
    }
}
