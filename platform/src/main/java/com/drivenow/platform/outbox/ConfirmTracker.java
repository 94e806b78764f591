package com.drivenow.platform.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ReturnListener;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * Follows the publisher confirms of one batch message by message. RabbitMQ often confirms several
 * at once ({@code multiple=true}), Qpid one by one; an unroutable mandatory message is returned then
 * acked by RabbitMQ but nacked by Qpid. Either way a message counts as delivered only when it was
 * acked and not returned.
 */
final class ConfirmTracker implements ConfirmListener, ReturnListener {

    private final ConcurrentSkipListMap<Long, UUID> outstanding = new ConcurrentSkipListMap<>();
    private final Set<UUID> failed = new HashSet<>();

    /** Forgets the previous batch's failures; the channel's delivery tags keep counting. */
    synchronized void startBatch() {
        failed.clear();
    }

    synchronized void published(long deliveryTag, UUID messageId) {
        outstanding.put(deliveryTag, messageId);
    }

    @Override
    public synchronized void handleAck(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, false);
    }

    @Override
    public synchronized void handleNack(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, true);
    }

    @Override
    public synchronized void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
                                          AMQP.BasicProperties properties, byte[] body) {
        failed.add(UUID.fromString(properties.getMessageId()));
    }

    private void settle(long deliveryTag, boolean multiple, boolean nack) {
        Map<Long, UUID> settled = multiple ? outstanding.headMap(deliveryTag, true) : subMap(deliveryTag);
        if (nack) {
            failed.addAll(settled.values());
        }
        settled.clear();
        notifyAll();
    }

    private Map<Long, UUID> subMap(long deliveryTag) {
        return outstanding.subMap(deliveryTag, true, deliveryTag, true);
    }

    /**
     * Waits until every published message is settled. Returns the ids that were nacked or returned,
     * or throws when the broker did not settle them all in time (the batch is then retried whole).
     */
    synchronized Set<UUID> awaitSettled(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!outstanding.isEmpty()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IllegalStateException(outstanding.size() + " messages not confirmed within "
                        + timeoutMillis + " ms");
            }
            wait(left);
        }
        return Set.copyOf(failed);
    }
}
