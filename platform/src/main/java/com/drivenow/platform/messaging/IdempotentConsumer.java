package com.drivenow.platform.messaging;

import com.drivenow.platform.Pause;
import com.drivenow.platform.RetryDelay;
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
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Consumes one queue and applies each event exactly once.
 *
 * <ul>
 *   <li>The event id goes into {@code processed_event} in the same transaction as the handler's
 *       changes; a duplicate id means "already applied": acknowledge and move on.</li>
 *   <li>The message is acknowledged only after that transaction committed, so a crash in between
 *       redelivers it and the processed-event row makes the second delivery a no-op.</li>
 *   <li>An infrastructure failure ({@link Failures}: the database away, the pool exhausted, a
 *       deadlock) keeps the message unacknowledged and tries it again with a growing pause, for as
 *       long as it takes: it says nothing about the event, so it never leads to parking.</li>
 *   <li>A {@link PoisonEventException} parks the event: recorded as processed (and announced by the
 *       {@link EventHandler.ParkedListener}) in one transaction, then published to
 *       {@code <queue>.parking} with the reason in headers, then acknowledged. An event that fails
 *       {@code maxAttempts} times with an unexpected error is parked the same way but not announced:
 *       it is a defect to look at, not a business conflict.</li>
 * </ul>
 * The consumer reconnects by itself when the broker goes away and comes back.
 */
public final class IdempotentConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IdempotentConsumer.class.getName());
    public static final String REASON_HEADER = "x-parked-reason";
    private static final String PARKED = "parked: ";

    private final String name;
    private final String queue;
    private final BrokerConnection broker;
    private final DbClient db;
    private final EventHandler handler;
    private final EventHandler.ParkedListener parkedListener;
    private final Settings settings;
    private final ConsumerStats stats = new ConsumerStats();
    private volatile Runnable afterCommit = () -> { };
    private volatile boolean running;
    /** Set by {@link #stop}: deliveries not yet begun are left unacknowledged for another consumer. */
    private volatile boolean stopping;
    /** Deliveries being processed now (at most one: the channel dispatches them one at a time). */
    private final java.util.concurrent.atomic.AtomicInteger inHand = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Channel channel;
    private volatile String consumerTag;
    private Thread supervisor;

    /**
     * @param prefetch       unacknowledged messages the broker may push at once
     * @param maxAttempts    unexpected failures of one event before it is parked
     * @param retryPause     first pause before an event is tried again
     * @param maxRetryPause  longest pause between tries (the pause doubles up to it)
     * @param reconnectPause pause between attempts to reach the broker
     */
    public record Settings(int prefetch, int maxAttempts, Duration retryPause, Duration maxRetryPause,
                           Duration reconnectPause) {
        /** Reads {@code prefetch}, {@code max-attempts}, {@code retry-pause}, {@code max-retry-pause}, {@code reconnect-pause}. */
        public static Settings from(io.helidon.config.Config consumer) {
            return new Settings(
                    consumer.get("prefetch").asInt().get(),
                    consumer.get("max-attempts").asInt().get(),
                    consumer.get("retry-pause").as(Duration.class).get(),
                    consumer.get("max-retry-pause").as(Duration.class).get(),
                    consumer.get("reconnect-pause").as(Duration.class).get());
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
                consumerTag = ch.basicConsume(queue, false, name, new Delivery(ch));
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
            inHand.incrementAndGet();
            try {
                if (stopping) {
                    // Pushed before the cancel: left unacknowledged, so the broker gives it to another consumer.
                    return;
                }
                process(getChannel(), envelope, props, body);
            } finally {
                inHand.decrementAndGet();
            }
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            // the channel's shutdown listener wakes the supervisor
        }
    }

    /** What the transaction found: the event applied now, applied before, or parked before. */
    private enum Outcome {
        APPLIED, DUPLICATE, PARKED_BEFORE
    }

    private void process(Channel ch, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        if (envelope.isRedeliver()) {
            stats.redelivered.incrementAndGet();
        }
        IncomingEvent event;
        try {
            event = IncomingEvent.from(envelope, props, body);
        } catch (PoisonEventException e) {
            park(ch, new Parking(envelope, props, body, e.getMessage(), null, false));
            return;
        }
        RequestIds.runWith(event.requestId(), () -> deliver(ch, event));
    }

    /**
     * Tries the event until it is applied or parked. It stays unacknowledged meanwhile, so the broker
     * keeps it if this consumer stops; a closed channel ends the loop (the broker delivers it again).
     */
    private void deliver(Channel ch, IncomingEvent event) {
        RetryDelay delay = new RetryDelay(settings.retryPause(), settings.maxRetryPause());
        int failedAttempts = 0;
        while (running && ch.isOpen()) {
            try {
                Outcome outcome = applyOnce(event);
                switch (outcome) {
                    case APPLIED -> {
                        stats.applied.incrementAndGet();
                        afterCommit.run();
                    }
                    case DUPLICATE -> stats.duplicates.incrementAndGet();
                    case PARKED_BEFORE -> {
                        // Recorded as parked, but the parking copy may not have been published before a crash.
                        park(ch, new Parking(event, "parked before: published again after a redelivery", false));
                        return;
                    }
                }
                ack(ch, event.envelope());
                return;
            } catch (PoisonEventException e) {
                park(ch, new Parking(event, e.getMessage(), true));
                return;
            } catch (RuntimeException e) {
                if (Failures.isInfrastructure(e)) {
                    stats.delayed.incrementAndGet();
                    LOG.log(Level.WARNING, "Consumer {0}: event {1} ({2}) waits for the infrastructure: {3}",
                            name, event.id(), event.type(), e.toString());
                } else if (++failedAttempts >= settings.maxAttempts()) {
                    park(ch, new Parking(event, "failed " + failedAttempts + " times, last: " + e, false));
                    return;
                } else {
                    stats.retried.incrementAndGet();
                    LOG.log(Level.WARNING, "Consumer {0}: event {1} ({2}) failed, attempt {3}; will retry: {4}",
                            name, event.id(), event.type(), failedAttempts, e.toString());
                }
                delay.pause();
            }
        }
    }

    private Outcome applyOnce(IncomingEvent event) {
        return Transactions.inTransaction(db, tx -> {
            long recorded = tx.insert("INSERT INTO processed_event (consumer, event_id, message_type, outcome) "
                    + "VALUES (?, ?, ?, 'applying') ON CONFLICT DO NOTHING", name, event.id(), event.type());
            if (recorded == 0) {
                String earlier = tx.get("SELECT outcome FROM processed_event WHERE consumer = ? AND event_id = ?",
                        name, event.id()).map(row -> row.column("outcome").getString()).orElse("");
                return earlier.startsWith(PARKED) ? Outcome.PARKED_BEFORE : Outcome.DUPLICATE;
            }
            String outcome = handler.handle(tx, event);
            tx.update("UPDATE processed_event SET outcome = ? WHERE consumer = ? AND event_id = ?",
                    outcome, name, event.id());
            return Outcome.APPLIED;
        });
    }

    /**
     * A message to park: {@code event} is null when the delivery could not even be read (nothing to
     * record then); {@code announce} lets the listener tell the event's sender.
     */
    private record Parking(Envelope envelope, AMQP.BasicProperties props, byte[] body, String reason,
                           IncomingEvent event, boolean announce) {
        Parking(IncomingEvent event, String reason, boolean announce) {
            this(event.envelope(), event.properties(), event.rawBody(), reason, event, announce);
        }
    }

    /**
     * Parks a message: record it as processed (and let the listener react) in one transaction, then
     * publish it, confirmed, to the parking queue, then acknowledge. Each step is retried until it
     * succeeds; a crash between them redelivers the message, which is then published again (a parked
     * message may reach the parking queue twice, never zero times, and is announced once).
     */
    private void park(Channel ch, Parking parking) {
        LOG.log(Level.WARNING, "Consumer {0} parks message {1} ({2}): {3}", name, parking.props().getMessageId(),
                parking.envelope().getRoutingKey(), parking.reason());
        RetryDelay delay = new RetryDelay(settings.retryPause(), settings.maxRetryPause());
        while (running && ch.isOpen()) {
            try {
                if (parking.event() != null && recordParked(parking)) {
                    afterCommit.run();
                }
                publishToParking(parking.envelope(), parking.props(), parking.body(), parking.reason());
                stats.parked.incrementAndGet();
                ack(ch, parking.envelope());
                return;
            } catch (RuntimeException | IOException e) {
                LOG.log(Level.WARNING, "Consumer {0}: parking failed ({1}); trying again", name, e.toString());
                delay.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True when this call recorded the park (false when an earlier delivery did). */
    private boolean recordParked(Parking parking) {
        IncomingEvent event = parking.event();
        return Transactions.inTransaction(db, tx -> {
            long recorded = tx.insert("INSERT INTO processed_event (consumer, event_id, message_type, outcome) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", name, event.id(), event.type(),
                    PARKED + truncate(parking.reason()));
            if (recorded == 1 && parking.announce()) {
                parkedListener.parked(tx, event, parking.reason());
            }
            return recorded == 1;
        });
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

    /**
     * Graceful stop: cancels the subscription (the broker pushes nothing more), lets the event in
     * hand finish and be acknowledged, at most {@code patience}, then {@link #close closes}. Events
     * pushed but not begun stay unacknowledged and go back to the queue when the channel closes, so
     * another consumer (or this one's next life) gets them: nothing is lost, nothing applied twice.
     */
    public void stop(Duration patience) {
        stopping = true;
        Channel ch = channel;
        String tag = consumerTag;
        if (ch != null && ch.isOpen() && tag != null) {
            try {
                ch.basicCancel(tag);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "Consumer {0}: cancel failed ({1}); closing", name, e.toString());
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (inHand.get() > 0 && System.nanoTime() < deadline) {
            Pause.quietly(Duration.ofMillis(10));
        }
        if (inHand.get() > 0) {
            LOG.log(Level.WARNING, "Consumer {0}: an event was still in hand after {1}; it will be redelivered",
                    name, patience);
        }
        close();
    }

    @Override
    public void close() {
        stopping = true;
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
