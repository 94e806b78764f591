package com.drivenow.platform.outbox;

import com.drivenow.platform.web.RequestIds;
import io.helidon.dbclient.DbTransaction;

/**
 * Writes events into the outbox table inside the caller's business transaction: a rollback takes
 * the event with it, a commit guarantees the relay will publish it.
 */
public final class Outbox {

    private final OutboxRelay relay;

    public Outbox(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Adds {@code message} to {@code tx}; the message type is its routing key. */
    public void append(DbTransaction tx, OutboxMessage message) {
        tx.insert("INSERT INTO outbox_message (id, exchange, routing_key, message_type, payload, request_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                message.id(), message.exchange(), message.routingKey(), message.routingKey(), message.payload(),
                RequestIds.current());
    }

    /** Tells the relay there is new work, so it publishes now instead of at its next poll. */
    public void committed() {
        relay.wake();
    }
}
