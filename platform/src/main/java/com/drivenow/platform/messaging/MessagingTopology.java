package com.drivenow.platform.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;

import java.io.IOException;
import java.util.List;

/**
 * The exchanges and durable queues of DriveNow's event contract (see {@code docs/asyncapi.yaml}).
 *
 * <p>Every server declares the whole durable topology when it connects, so a publisher never sends
 * into an exchange whose consumer queue does not exist yet (the relay also publishes mandatory and
 * retries unroutable messages). Queues are plain durable queues with no {@code x-} arguments, which
 * behave the same on RabbitMQ and on the embedded Qpid broker; quorum queues and delivery limits are
 * RabbitMQ policies applied by deployment, not code.
 *
 * <p>All names start with a namespace ({@code messaging.namespace}, default {@code drivenow}) so
 * that tests sharing one broker do not see each other's messages.
 */
public record MessagingTopology(String namespace) {

    public static final String PARKING_SUFFIX = ".parking";

    /** Booking events, published by the booking server: routing keys {@code booking.*}. */
    public String bookingExchange() {
        return namespace + ".booking";
    }

    /** Fleet events, published by the inventory server: {@code car.*} and {@code booking.conflict}. */
    public String fleetExchange() {
        return namespace + ".fleet";
    }

    /** The inventory server's queue of booking events. */
    public String inventoryBookingEventsQueue() {
        return namespace + ".inventory.booking-events";
    }

    /** The booking server's queue of fleet events (its copy of the fleet, and conflicts). */
    public String bookingFleetEventsQueue() {
        return namespace + ".booking.fleet-events";
    }

    /** Where a consumer parks messages it can never process, with the reason in a header. */
    public static String parkingQueueOf(String queue) {
        return queue + PARKING_SUFFIX;
    }

    public List<String> durableQueues() {
        return List.of(inventoryBookingEventsQueue(), bookingFleetEventsQueue(),
                parkingQueueOf(inventoryBookingEventsQueue()), parkingQueueOf(bookingFleetEventsQueue()));
    }

    /** Declares exchanges, queues and bindings; idempotent, safe to call on every connect. */
    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(bookingExchange(), BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(fleetExchange(), BuiltinExchangeType.TOPIC, true);
        for (String queue : durableQueues()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
        channel.queueBind(inventoryBookingEventsQueue(), bookingExchange(), "booking.#");
        channel.queueBind(bookingFleetEventsQueue(), fleetExchange(), "#");
    }
}
