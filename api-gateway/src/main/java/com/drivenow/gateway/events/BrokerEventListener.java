package com.drivenow.gateway.events;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.MessagingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Feeds the hub from both exchanges through the gateway's own exclusive, auto-delete, server-named
 * queue: the live view needs no durability (a desk that missed something reloads), and every gateway
 * instance gets every event. When the broker goes away the loop waits and connects again.
 */
public final class BrokerEventListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BrokerEventListener.class.getName());

    private final BrokerConnection broker;
    private final LiveEventHub hub;
    private final Duration retryDelay;
    private volatile boolean closed;
    private volatile boolean consuming;
    private volatile CompletableFuture<ShutdownSignalException> channelGone = new CompletableFuture<>();
    private Thread loop;

    public BrokerEventListener(BrokerConnection broker, LiveEventHub hub, Duration retryDelay) {
        this.broker = broker;
        this.hub = hub;
        this.retryDelay = retryDelay;
    }

    public synchronized void start() {
        loop = Thread.ofVirtual().name("live-events-consumer").start(this::run);
    }

    /** True while a queue is bound and consuming. */
    public boolean consuming() {
        return consuming;
    }

    private void run() {
        while (!closed) {
            try {
                consumeUntilChannelCloses();
            } catch (BrokerConnection.BrokerUnavailableException | IOException e) {
                LOG.log(Level.WARNING, "Live events paused, broker unavailable: {0}", e.getMessage());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Closing the gateway closes the connection under this channel; only a failure while open is news.
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "Live events paused: {0}", e.toString());
            } finally {
                consuming = false;
            }
            sleepBeforeRetry();
        }
    }

    private void consumeUntilChannelCloses() throws IOException, InterruptedException {
        channelGone = new CompletableFuture<>();
        try (Channel channel = broker.openChannel()) {
            channel.addShutdownListener(channelGone::complete);
            MessagingTopology topology = broker.topology();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, topology.bookingExchange(), "#");
            channel.queueBind(queue, topology.fleetExchange(), "#");
            channel.basicConsume(queue, true, (tag, delivery) -> accept(delivery), tag -> channelGone.complete(null));
            consuming = true;
            LOG.log(Level.INFO, "Live events consuming from {0}", queue);
            channelGone.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (com.rabbitmq.client.AlreadyClosedException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.DEBUG, "Live events channel already closed", e);
        }
    }

    private void accept(Delivery delivery) {
        String routingKey = delivery.getEnvelope().getRoutingKey();
        try {
            JsonNode body = Json.mapper().readTree(delivery.getBody());
            if (routingKey.startsWith("car.") && body.path("car").isObject()) {
                hub.publish(LiveEvent.CAR_CHANGED, Json.write(body.get("car")), null);
            } else if (routingKey.startsWith("booking.") && body.path("booking").isObject()) {
                JsonNode booking = body.get("booking");
                // Only a booking an integration made has an owning integration; a desk user's never does.
                String owner = body.path("createdByIntegration").asBoolean(false)
                        ? booking.path("createdBy").asText(null) : null;
                hub.publish(LiveEvent.BOOKING_CHANGED, Json.write(booking), owner);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Skipping unreadable {0} event: {1}", routingKey, e.getMessage());
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(retryDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        channelGone.complete(null);
        Thread running;
        synchronized (this) {
            running = loop;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
