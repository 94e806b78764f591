package com.drivenow.inventory;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.MessagingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Listens to everything on a namespace's fleet exchange through a queue of its own, as a downstream
 * consumer would, and publishes booking events as the booking server would. Talks to the broker
 * directly, never through a proxy a test may cut.
 */
public final class FleetListener implements AutoCloseable {

    /** One message seen on the fleet exchange. */
    public record Received(String routingKey, AMQP.BasicProperties properties, JsonNode body) {
    }

    private final Connection connection;
    private final Channel channel;
    private final MessagingTopology topology;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FleetListener(String amqpUri, MessagingTopology topology) {
        this.topology = topology;
        this.connection = TestInventory.amqp(amqpUri);
        try {
            this.channel = connection.createChannel();
            topology.declare(channel);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, topology.fleetExchange(), "#");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                        throws IOException {
                    received.add(new Received(envelope.getRoutingKey(), props,
                            Json.mapper().readTree(new String(body, StandardCharsets.UTF_8))));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Channel channel() {
        return channel;
    }

    public List<Received> received() {
        return received;
    }

    /** Waits for a fleet message with this routing key that matches; returns it. */
    public Received await(String routingKey, Predicate<JsonNode> matching) {
        Predicate<Received> wanted = r -> r.routingKey().equals(routingKey) && matching.test(r.body());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(wanted));
        return received.stream().filter(wanted).findFirst().orElseThrow();
    }

    public List<Received> all(String routingKey, Predicate<JsonNode> matching) {
        return received.stream().filter(r -> r.routingKey().equals(routingKey) && matching.test(r.body())).toList();
    }

    /** Publishes a booking event to the booking exchange with the properties the booking server sets. */
    public void publishBookingEvent(String messageId, String type, String body) {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .type(type)
                .contentType("application/json")
                .deliveryMode(2)
                .timestamp(new java.util.Date())
                .headers(java.util.Map.of("x-request-id", "test-" + messageId))
                .build();
        try {
            channel.basicPublish(topology.bookingExchange(), type, props, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the namespace's durable queues, so the shared broker keeps nothing of the test. */
    @Override
    public void close() {
        try {
            for (String queue : topology.durableQueues()) {
                channel.queueDelete(queue);
            }
            channel.exchangeDelete(topology.bookingExchange());
            channel.exchangeDelete(topology.fleetExchange());
            connection.close();
        } catch (IOException | RuntimeException e) {
            // the broker may already be gone; nothing more to clean
        }
    }
}
