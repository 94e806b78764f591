package com.drivenow.bench.benchmark;

import com.drivenow.platform.messaging.MessagingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens to inventory's car.status-changed events on a queue of its own: the moment a car's new
 * status is committed in inventory (the event is published after that commit) as seen from outside.
 */
final class CarStatusEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Map<String, CompletableFuture<Instant>> awaited = new ConcurrentHashMap<>();

    CarStatusEvents(String amqpUri, String namespace) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        connection = factory.newConnection("bench-propagation");
        Channel channel = connection.createChannel();
        MessagingTopology topology = new MessagingTopology(namespace);
        topology.declare(channel);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, topology.fleetExchange(), "car.status-changed");
        channel.basicConsume(queue, true, (tag, delivery) -> {
            Instant seen = Instant.now();
            JsonNode body = JSON.readTree(delivery.getBody());
            CompletableFuture<Instant> waiting = awaited.remove(key(body.path("carId").asText(),
                    body.path("car").path("status").asText()));
            if (waiting != null) {
                waiting.complete(seen);
            }
        }, tag -> { });
    }

    /** Call before the action that causes the change, so the event cannot slip past. */
    CompletableFuture<Instant> expect(UUID carId, String status) {
        return awaited.computeIfAbsent(key(carId.toString(), status), k -> new CompletableFuture<>());
    }

    private static String key(String carId, String status) {
        return carId + "/" + status;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
