package com.drivenow.platform.messaging;

import com.drivenow.platform.Pause;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.web.RequestIds;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.helidon.dbclient.DbClient;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Consumes one queue and applies each event exactly once.
 *
 * <ul>
 *   <li>The event id goes into {@code processed_event} in the same transaction as the handler's
 *       changes; a duplicate id means "already applied": acknowledge and move on.</li>
 *   <li>The message is acknowledged only after that transaction committed, so a crash in between
 *       redelivers it and the processed-event row makes the second delivery a no-op.</li>
 *   <li>A {@link PoisonEventException} (or a transient failure repeated {@code maxAttempts} times)
 *       parks the message on {@code <queue>.parking} with the reason in headers, records it as
 *       processed, and acknowledges it: visible, never dropped, never blocking the queue.</li>
 *   <li>Other failures are transient: the message is requeued after a short pause.</li>
 * </ul>
 * The consumer reconnects by itself when the broker goes away and comes back.
 */
public final class IdempotentConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IdempotentConsumer.class.getName());
    public static final String REASON_HEADER = "x-parked-reason";

    private final String name;
    private final String queue;
    private final BrokerConnection broker;
    private final DbClient db;
    private final EventHandler handler;
    private final EventHandler.ParkedListener parkedListener;
    private final Settings settings;
    private final ConsumerStats stats = new ConsumerStats();
    private final Map<UUID, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Integer> eldest) {
            return size() > 10_000;
        }
    };
    private volatile Runnable afterCommit = () -> { };
    private volatile boolean running;
    private volatile Channel channel;
    private Thread supervisor;

    /**
     * @param prefetch     unacknowledged messages the broker may push at once
     * @param maxAttempts  transient failures of one message before it is parked
     * @param retryPause   pause before a failed message is requeued
     * @param reconnectPause pause between attempts to reach the broker
     */
    public record Settings(int prefetch, int maxAttempts, Duration retryPause, Duration reconnectPause) {
        public static Settings defaults() {
            return new Settings(64, 5, Duration.ofMillis(200), Duration.ofSeconds(1));
        }

        /** Reads {@code prefetch}, {@code max-attempts}, {@code retry-pause}, {@code reconnect-pause}. */
        public static Settings from(io.helidon.config.Config consumer) {
            Settings defaults = defaults();
            return new Settings(
                    consumer.get("prefetch").asInt().orElse(defaults.prefetch()),
                    consumer.get("max-attempts").asInt().orElse(defaults.maxAttempts()),
                    consumer.get("retry-pause").as(Duration.class).orElse(defaults.retryPause()),
                    consumer.get("reconnect-pause").as(Duration.class).orElse(defaults.reconnectPause()));
        }
    }

    public IdempotentConsumer(String name, String queue, BrokerConnection broker, DbClient db, EventHandler handler,
                              EventHandler.ParkedListener parkedListener, Settings settings) {
        this.name = name;
        this.queue = queue;
        this.broker = broker;
        this.db = db;
        this.handler = handler;
        this.parkedListener = parkedListener;
        this.settings = settings;
    }

    /**
     * Runs after each transaction that applied or parked an event commits; a server whose handler
     * writes to the outbox passes {@code outbox::committed} so the relay publishes at once.
     */
    public IdempotentConsumer afterCommit(Runnable hook) {
        this.afterCommit = hook;
        return this;
    }

    public synchronized IdempotentConsumer start() {
        running = true;
        supervisor = Thread.ofVirtual().name("consumer-" + name).start(this::superviseSubscription);
        return this;
    }

    public ConsumerStats stats() {
        return stats;
    }

    /** True while subscribed to the queue. */
    public boolean isConnected() {
        Channel ch = channel;
        return ch != null && ch.isOpen();
    }

    private void superviseSubscription() {
        while (running) {
            CountDownLatch lost = new CountDownLatch(1);
            try {
                Channel ch = broker.openChannel();
                ch.basicQos(settings.prefetch());
                ch.addShutdownListener(cause -> lost.countDown());
                ch.basicConsume(queue, false, name, new Delivery(ch));
                channel = ch;
                LOG.log(Level.INFO, "Consumer {0} subscribed to {1}", name, queue);
                lost.await();
                if (running) {
                    LOG.log(Level.WARNING, "Consumer {0} lost its channel; reconnecting", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Consumer {0} cannot subscribe to {1}: {2}", name, queue, e.getMessage());
                }
            }
            channel = null;
            Pause.quietly(settings.reconnectPause());
        }
    }

    private final class Delivery extends DefaultConsumer {
        Delivery(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            process(getChannel(), envelope, props, body);
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            // the channel's shutdown listener wakes the supervisor
        }
    }

    private void process(Channel ch, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(envelope, props, body);
        } catch (PoisonEventException e) {
            park(ch, envelope, props, body, e.getMessage(), null);
            return;
        }
        RequestIds.runWith(event.requestId(), () -> apply(ch, event));
    }

    private void apply(Channel ch, IncomingEvent event) {
        try {
            boolean fresh = Transactions.inTransaction(db, tx -> {
                long recorded = tx.insert("INSERT INTO processed_event (consumer, event_id, message_type, outcome) "
                        + "VALUES (?, ?, ?, 'applying') ON CONFLICT DO NOTHING", name, event.id(), event.type());
                if (recorded == 0) {
                    return false;
                }
                String outcome = handler.handle(tx, event);
                tx.update("UPDATE processed_event SET outcome = ? WHERE consumer = ? AND event_id = ?",
                        outcome, name, event.id());
                return true;
            });
            (fresh ? stats.applied : stats.duplicates).incrementAndGet();
            if (fresh) {
                afterCommit.run();
            }
            forget(event.id());
            ack(ch, event.envelope());
        } catch (PoisonEventException e) {
            park(ch, event.envelope(), event.properties(), event.rawBody(), e.getMessage(), event);
        } catch (RuntimeException e) {
            retryOrPark(ch, event, e);
        }
    }

    private void retryOrPark(Channel ch, IncomingEvent event, RuntimeException failure) {
        int attempts = recordFailure(event.id());
        if (attempts >= settings.maxAttempts()) {
            park(ch, event.envelope(), event.properties(), event.rawBody(),
                    "failed " + attempts + " times, last: " + failure, event);
            return;
        }
        LOG.log(Level.WARNING, "Consumer {0}: event {1} ({2}) failed, attempt {3}; will retry: {4}",
                name, event.id(), event.type(), attempts, failure.toString());
        stats.retried.incrementAndGet();
        Pause.quietly(settings.retryPause());
        try {
            ch.basicNack(event.envelope().getDeliveryTag(), false, true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Consumer {0}: requeue failed; the broker redelivers on reconnect", name);
        }
    }

    /**
     * Parks a message: publish it, confirmed, to the parking queue; then record it as processed
     * (and let the listener react) in one transaction; then acknowledge. A crash between the steps
     * parks it again at worst, it is never lost.
     */
    private void park(Channel ch, Envelope envelope, AMQP.BasicProperties props, byte[] body, String reason,
                      IncomingEvent event) {
        LOG.log(Level.WARNING, "Consumer {0} parks message {1} ({2}): {3}", name, props.getMessageId(),
                envelope.getRoutingKey(), reason);
        try {
            publishToParking(envelope, props, body, reason);
            if (event != null) {
                Transactions.run(db, tx -> {
                    long recorded = tx.insert("INSERT INTO processed_event (consumer, event_id, message_type, outcome) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", name, event.id(), event.type(),
                            "parked: " + truncate(reason));
                    if (recorded == 1) {
                        parkedListener.parked(tx, event, reason);
                    }
                });
                afterCommit.run();
                forget(event.id());
            }
            stats.parked.incrementAndGet();
            ack(ch, envelope);
        } catch (RuntimeException | IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, "Consumer {0}: parking failed ({1}); the message will be delivered again",
                    name, e.toString());
            Pause.quietly(settings.retryPause());
            try {
                ch.basicNack(envelope.getDeliveryTag(), false, true);
            } catch (IOException | RuntimeException ignored) {
                // the broker redelivers unacknowledged messages when the channel closes
            }
        }
    }

    private void publishToParking(Envelope envelope, AMQP.BasicProperties props, byte[] body, String reason)
            throws IOException, InterruptedException {
        Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        headers.put(REASON_HEADER, truncate(reason));
        headers.put("x-parked-by", name);
        headers.put("x-parked-at", Instant.now().toString());
        headers.put("x-original-exchange", envelope.getExchange());
        headers.put("x-original-routing-key", envelope.getRoutingKey());
        AMQP.BasicProperties parkedProps = props.builder().headers(headers).deliveryMode(2).build();
        try (Channel parking = broker.openChannel()) {
            parking.confirmSelect();
            parking.basicPublish("", MessagingTopology.parkingQueueOf(queue), true, parkedProps, body);
            parking.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("parking not confirmed in time", e);
        }
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private void ack(Channel ch, Envelope envelope) {
        try {
            ch.basicAck(envelope.getDeliveryTag(), false);
        } catch (IOException | RuntimeException e) {
            // The work is committed; a redelivery after reconnect is recognised as a duplicate.
            LOG.log(Level.WARNING, "Consumer {0}: ack failed ({1}); a redelivery will be skipped as duplicate",
                    name, e.toString());
        }
    }

    private synchronized int recordFailure(UUID id) {
        return failures.merge(id, 1, Integer::sum);
    }

    private synchronized void forget(UUID id) {
        failures.remove(id);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = supervisor;
        }
        Channel ch = channel;
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ignored) {
                // closing anyway
            }
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
