package com.drivenow.platform.outbox;

import com.drivenow.platform.Pause;
import com.drivenow.platform.db.Rows;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.web.RequestIds;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to the broker with publisher confirms, then deletes them.
 *
 * <p>Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} inside one transaction, so several
 * instances of a server can relay at once without publishing a row twice; the row is deleted in that
 * transaction only after the broker confirmed it. A crash between confirm and commit publishes the
 * row again later, which the idempotent consumers absorb (at-least-once, applied exactly once).
 * Messages the broker could not route or refused are kept and retried with a growing delay; while
 * the broker is down nothing is lost, rows simply wait.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final String CLAIM = """
            SELECT seq, id, exchange, routing_key, message_type, payload, request_id, created_at
            FROM outbox_message
            WHERE available_at <= now()
            ORDER BY seq
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final DbClient db;
    private final BrokerConnection broker;
    private final Settings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean running;
    /** Set by {@link #stop}: publish what is in the outbox now, then end. */
    private volatile boolean finishing;
    private Thread thread;
    private Channel channel;
    private ConfirmTracker confirms;

    /**
     * @param batchSize       rows claimed per transaction
     * @param idlePoll        how often to look for rows when nobody woke the relay (other instances' rows)
     * @param confirmTimeout  how long the broker may take to confirm a batch
     * @param brokerDownPause how long to wait before trying again after a broker failure
     */
    public record Settings(int batchSize, Duration idlePoll, Duration confirmTimeout, Duration brokerDownPause) {
        /** Reads {@code batch-size}, {@code idle-poll}, {@code confirm-timeout}, {@code broker-down-pause}. */
        public static Settings from(io.helidon.config.Config relay) {
            return new Settings(
                    relay.get("batch-size").asInt().get(),
                    relay.get("idle-poll").as(Duration.class).get(),
                    relay.get("confirm-timeout").as(Duration.class).get(),
                    relay.get("broker-down-pause").as(Duration.class).get());
        }
    }

    public OutboxRelay(DbClient db, BrokerConnection broker, Settings settings) {
        this.db = db;
        this.broker = broker;
        this.settings = settings;
    }

    public synchronized OutboxRelay start() {
        running = true;
        thread = Thread.ofVirtual().name("outbox-relay").start(this::loop);
        return this;
    }

    /** Asks the relay to look at the outbox now. Cheap; called after every commit that wrote to it. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    public long publishedCount() {
        return published.get();
    }

    public long retriedCount() {
        return retried.get();
    }

    /** Rows waiting to be published, and the age in seconds of the oldest (0 when empty). */
    public Backlog backlog() {
        return db.execute().get("SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS age "
                        + "FROM outbox_message")
                .map(row -> new Backlog(row.column("n").get(Long.class), row.column("age").get(Number.class).doubleValue()))
                .orElse(new Backlog(0, 0));
    }

    public record Backlog(long messages, double oldestAgeSeconds) {
    }

    private void loop() {
        while (running) {
            try {
                int sent = relayOneBatch();
                if (finishing) {
                    // Stopping: on until the outbox has nothing more to give (or the patience is over).
                    if (sent == 0) {
                        return;
                    }
                    continue;
                }
                if (sent < settings.batchSize()) {
                    wakeUp.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Stopping with the broker away: the rows stay for the next relay.
                if (!running || finishing) {
                    return;
                }
                LOG.log(Level.WARNING, "Outbox relay paused: " + e.getMessage());
                dropChannel();
                Pause.quietly(settings.brokerDownPause());
            }
        }
    }

    /** Publishes one batch; returns how many rows it claimed. */
    int relayOneBatch() throws InterruptedException {
        DbTransaction tx = db.transaction();
        try {
            List<DbRow> rows = tx.query(CLAIM, settings.batchSize()).toList();
            if (!rows.isEmpty()) {
                Set<UUID> failed = publish(rows);
                settle(tx, rows, failed);
            }
            tx.commit();
            return rows.size();
        } catch (InterruptedException | RuntimeException e) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private Set<UUID> publish(List<DbRow> rows) throws InterruptedException {
        Channel ch = channel();
        confirms.startBatch();
        try {
            for (DbRow row : rows) {
                UUID id = row.column("id").get(UUID.class);
                byte[] body = row.column("payload").get(String.class).getBytes(StandardCharsets.UTF_8);
                confirms.published(ch.getNextPublishSeqNo(), id);
                ch.basicPublish(row.column("exchange").get(String.class), row.column("routing_key").get(String.class),
                        true, properties(row, id), body);
            }
        } catch (IOException e) {
            throw new BrokerConnection.BrokerUnavailableException("Publishing failed: " + e.getMessage(), e);
        }
        return confirms.awaitSettled(settings.confirmTimeout().toMillis());
    }

    private static AMQP.BasicProperties properties(DbRow row, UUID id) {
        String requestId = row.column("request_id").get(String.class);
        Instant createdAt = Rows.instant(row, "created_at");
        return new AMQP.BasicProperties.Builder()
                .messageId(id.toString())
                .type(row.column("message_type").get(String.class))
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .timestamp(Date.from(createdAt))
                .headers(requestId == null ? Map.of() : Map.of(RequestIds.AMQP_HEADER, requestId))
                .build();
    }

    private void settle(DbTransaction tx, List<DbRow> rows, Set<UUID> failed) {
        for (DbRow row : rows) {
            long seq = row.column("seq").get(Long.class);
            if (failed.contains(row.column("id").get(UUID.class))) {
                // Unroutable or refused: keep it, retry later with a delay growing to a minute.
                tx.update("UPDATE outbox_message SET attempts = attempts + 1, last_error = ?, "
                                + "available_at = now() + least(interval '60 seconds', interval '500 milliseconds' * power(2, attempts)) "
                                + "WHERE seq = ?",
                        "not confirmed by the broker (unroutable or refused)", seq);
                retried.incrementAndGet();
            } else {
                tx.delete("DELETE FROM outbox_message WHERE seq = ?", seq);
                published.incrementAndGet();
            }
        }
    }

    private Channel channel() {
        if (channel == null || !channel.isOpen()) {
            Channel ch = broker.openChannel();
            try {
                ch.confirmSelect();
            } catch (IOException e) {
                throw new BrokerConnection.BrokerUnavailableException("Cannot enable publisher confirms", e);
            }
            confirms = new ConfirmTracker();
            ch.addConfirmListener(confirms);
            ch.addReturnListener(confirms);
            channel = ch;
        }
        return channel;
    }

    private void dropChannel() {
        if (channel != null) {
            try {
                if (channel.isOpen()) {
                    channel.abort();
                }
            } catch (IOException | RuntimeException ignored) {
                // the channel is being thrown away because it failed
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /**
     * Graceful stop: the relay publishes what the outbox holds now (the batch being published, and
     * the rows committed before the stop), at most {@code patience}, then ends; rows it could not
     * publish in time stay in the outbox for the next relay (another replica, or this server's next life).
     */
    public void stop(Duration patience) {
        Thread t;
        synchronized (this) {
            finishing = true;
            t = thread;
        }
        if (t != null) {
            wake();
            try {
                if (!t.join(patience.isZero() ? Duration.ofMillis(1) : patience)) {
                    running = false;
                    wake();
                    t.join(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        dropChannel();
    }
}
