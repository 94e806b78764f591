package com.drivenow.platform.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One AMQP connection per server, opened lazily and reopened after the broker went away.
 *
 * <p>Servers must start and keep serving while the broker is down, so nothing here blocks a
 * start-up: {@link #openChannel()} fails fast with {@link BrokerUnavailableException} and the
 * callers (relay, consumers) retry on their own schedule. The client library's own automatic
 * recovery is off, because it only covers connections that once succeeded and would hide channel
 * state (confirms in flight) from the code that must handle it.
 */
public final class BrokerConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BrokerConnection.class.getName());

    private final ConnectionFactory factory;
    private final String clientName;
    private final MessagingTopology topology;
    private Connection connection;
    private volatile boolean closed;

    public BrokerConnection(String amqpUri, String clientName, MessagingTopology topology) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid AMQP URI (messaging.uri): " + e.getMessage(), e);
        }
        if (factory.getVirtualHost().isEmpty()) {
            // "amqp://host:5672/" names the empty virtual host; everyone means RabbitMQ's default "/".
            factory.setVirtualHost("/");
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout((int) Duration.ofSeconds(3).toMillis());
        factory.setRequestedHeartbeat(10);
        this.clientName = clientName;
        this.topology = topology;
    }

    public MessagingTopology topology() {
        return topology;
    }

    /** A new channel on a live connection, with the topology declared; the caller closes it. */
    public Channel openChannel() {
        try {
            Channel channel = liveConnection().createChannel();
            topology.declare(channel);
            return channel;
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException("AMQP broker unavailable: " + e.getMessage(), e);
        }
    }

    public synchronized boolean isOpen() {
        return connection != null && connection.isOpen();
    }

    private synchronized Connection liveConnection() {
        if (closed) {
            throw new BrokerUnavailableException("Broker connection closed", null);
        }
        if (connection == null || !connection.isOpen()) {
            try {
                connection = factory.newConnection(clientName);
                LOG.log(Level.INFO, "Connected to AMQP broker at {0}:{1} as {2}",
                        factory.getHost(), String.valueOf(factory.getPort()), clientName);
            } catch (IOException | TimeoutException e) {
                throw new BrokerUnavailableException("Cannot connect to AMQP broker at " + factory.getHost()
                        + ":" + factory.getPort() + ": " + e.getMessage(), e);
            }
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null && connection.isOpen()) {
            try {
                connection.close((int) Duration.ofSeconds(2).toMillis());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "Closing AMQP connection failed", e);
            }
        }
    }

    /** Wraps I/O failures that mean "the broker is not reachable right now; try again later". */
    public static final class BrokerUnavailableException extends UncheckedIOException {
        public BrokerUnavailableException(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }
}
