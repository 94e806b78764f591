package com.drivenow.platform.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to publish once the transaction that wrote it commits. {@code id} becomes the AMQP
 * message id, which consumers use to apply it exactly once; {@code payload} is the JSON body.
 */
public record OutboxMessage(UUID id, String exchange, String routingKey, String payload) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(payload, "payload");
    }
}
