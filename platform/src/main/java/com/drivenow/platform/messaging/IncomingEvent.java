package com.drivenow.platform.messaging;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A delivered event: its id (the AMQP message id), type (routing key), JSON body and request id. */
public record IncomingEvent(UUID id, String type, JsonNode body, String requestId, Envelope envelope,
                            AMQP.BasicProperties properties, byte[] rawBody) {

    /** Reads a delivery; one without a UUID message id or with a body that is not JSON is poison. */
    static IncomingEvent from(Envelope envelope, AMQP.BasicProperties properties, byte[] rawBody) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(properties.getMessageId()));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("the message has no UUID message id");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(new String(rawBody, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PoisonEventException("the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new PoisonEventException("the body is not a JSON object");
        }
        Map<String, Object> headers = properties.getHeaders();
        Object requestId = headers == null ? null : headers.get(RequestIds.AMQP_HEADER);
        return new IncomingEvent(id, envelope.getRoutingKey(), body,
                RequestIds.acceptOrCreate(requestId == null ? null : requestId.toString()),
                envelope, properties, rawBody);
    }

    /** Reads the body as {@code type}; a body that does not fit the contract is poison. */
    public <T> T bodyAs(Class<T> type) {
        try {
            return Json.mapper().treeToValue(body, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonEventException("the body does not match " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
