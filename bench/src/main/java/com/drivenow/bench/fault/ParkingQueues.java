package com.drivenow.bench.fault;

import com.drivenow.platform.messaging.MessagingTopology;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/** The broker side of the audit: a poison event sent on purpose, and what the parking queues hold. */
final class ParkingQueues {

    private final String amqpUri;
    private final MessagingTopology topology;

    ParkingQueues(String amqpUri, String namespace) {
        this.amqpUri = amqpUri;
        this.topology = new MessagingTopology(namespace);
    }

    /** A pick-up of a car inventory has never heard of: it can never be applied, so it must be parked. */
    UUID publishPoison() {
        UUID id = UUID.randomUUID();
        String body = """
                {"eventId":"%s","eventType":"booking.picked-up","occurredAt":"2026-12-01T10:00:00Z",
                 "bookingId":"%s","carId":"%s","sequence":2,"mileageKm":1}""".formatted(id, UUID.randomUUID(),
                UUID.randomUUID());
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId(id.toString())
                .type("booking.picked-up").contentType("application/json").deliveryMode(2)
                .headers(Map.of("x-request-id", "fault-suite-poison")).build();
        withChannel(channel -> {
            channel.confirmSelect();
            channel.basicPublish(topology.bookingExchange(), "booking.picked-up", true, props,
                    body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
        return id;
    }

    /** Message ids in the inventory's parking queue (looked at, then put back). */
    List<String> parkedByInventory() {
        return messageIds(MessagingTopology.parkingQueueOf(topology.inventoryBookingEventsQueue()));
    }

    List<String> parkedByBooking() {
        return messageIds(MessagingTopology.parkingQueueOf(topology.bookingFleetEventsQueue()));
    }

    private List<String> messageIds(String queue) {
        return withChannel(channel -> {
            List<String> ids = new ArrayList<>();
            GetResponse message;
            while ((message = channel.basicGet(queue, false)) != null) {
                ids.add(message.getProps().getMessageId());
            }
            // Closing the channel unacknowledged puts every message back.
            return ids;
        });
    }

    private interface ChannelWork<T> {
        T apply(Channel channel) throws IOException, InterruptedException, TimeoutException;
    }

    private <T> T withChannel(ChannelWork<T> work) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(amqpUri);
            try (Connection connection = factory.newConnection("bench-audit");
                 Channel channel = connection.createChannel()) {
                topology.declare(channel);
                return work.apply(channel);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Broker " + amqpUri + ": " + e.getMessage(), e);
        }
    }
}
