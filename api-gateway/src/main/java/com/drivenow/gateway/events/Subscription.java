package com.drivenow.gateway.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One connected stream: the events missed before it connected (replayed first), then a bounded queue
 * of live ones. The hub never waits on it: when the queue is full the client is too slow and the
 * subscription ends; the client reconnects with Last-Event-ID and catches up from the ring buffer.
 */
public final class Subscription {

    private static final LiveEvent END = new LiveEvent(-1, "", "", null);

    private final Predicate<LiveEvent> visible;
    private final Deque<LiveEvent> backlog;
    private final BlockingQueue<LiveEvent> live;
    private volatile boolean ended;

    Subscription(Predicate<LiveEvent> visible, List<LiveEvent> backlog, int capacity) {
        this.visible = visible;
        this.backlog = new ArrayDeque<>(backlog.stream().filter(visible).toList());
        this.live = new ArrayBlockingQueue<>(capacity);
    }

    /** Called by the hub; false when the client fell too far behind and must be dropped. */
    boolean offer(LiveEvent event) {
        return !visible.test(event) || live.offer(event);
    }

    void end() {
        ended = true;
        live.clear();
        live.offer(END);
    }

    /**
     * The next event, {@code null} when none came within {@code wait} (time for a heartbeat).
     *
     * @throws EndedException when the subscription ended (slow client or gateway shutdown)
     */
    public LiveEvent next(Duration wait) throws InterruptedException {
        if (ended) {
            throw new EndedException();
        }
        if (!backlog.isEmpty()) {
            return backlog.poll();
        }
        LiveEvent event = live.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == END || ended) {
            throw new EndedException();
        }
        return event;
    }

    /** The stream is over; the client may reconnect and resume. */
    public static final class EndedException extends RuntimeException {
        EndedException() {
            super("live event subscription ended", null, false, false);
        }
    }
}
