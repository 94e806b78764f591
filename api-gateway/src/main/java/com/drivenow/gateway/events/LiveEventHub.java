package com.drivenow.gateway.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Numbers the changes, keeps the most recent ones for resuming clients and fans them out. Ids start
 * from the clock (microseconds), so they also grow across gateway restarts and a client holding an
 * old cursor simply gets the whole buffer.
 */
public final class LiveEventHub {

    private final int bufferSize;
    private final int clientQueueSize;
    private final Deque<LiveEvent> recent;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private long lastId;

    public LiveEventHub(int bufferSize, int clientQueueSize) {
        this.bufferSize = bufferSize;
        this.clientQueueSize = clientQueueSize;
        this.recent = new ArrayDeque<>(bufferSize);
        this.lastId = System.currentTimeMillis() * 1000;
    }

    /** Numbers and delivers one change; slow subscribers are dropped, never waited for. */
    public synchronized LiveEvent publish(String type, String data, String bookingOwner) {
        LiveEvent event = new LiveEvent(++lastId, type, data, bookingOwner);
        if (recent.size() == bufferSize) {
            recent.removeFirst();
        }
        recent.addLast(event);
        for (Subscription subscription : subscriptions) {
            if (!subscription.offer(event)) {
                subscriptions.remove(subscription);
                subscription.end();
            }
        }
        return event;
    }

    /** A new stream of visible events, starting after {@code lastEventId} when the client sent one. */
    public synchronized Subscription subscribe(Predicate<LiveEvent> visible, Long lastEventId) {
        List<LiveEvent> missed = new ArrayList<>();
        if (lastEventId != null) {
            recent.stream().filter(e -> e.id() > lastEventId).forEach(missed::add);
        }
        Subscription subscription = new Subscription(visible, missed, clientQueueSize);
        subscriptions.add(subscription);
        return subscription;
    }

    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    public int subscribers() {
        return subscriptions.size();
    }

    /** Ends every stream, so that shutdown does not wait for the clients' heartbeats. */
    public void close() {
        subscriptions.forEach(Subscription::end);
        subscriptions.clear();
    }
}
