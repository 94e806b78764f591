package com.drivenow.gateway.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fan-out never waits for a slow client: it drops it, and the others keep getting everything. */
class LiveEventHubTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void aSlowClientIsDroppedWithoutStallingTheOthers() throws InterruptedException {
        LiveEventHub hub = new LiveEventHub(100, 3);
        Subscription slow = hub.subscribe(e -> true, null);
        Subscription fast = hub.subscribe(e -> true, null);

        for (int i = 0; i < 10; i++) {
            hub.publish(LiveEvent.CAR_CHANGED, "{\"n\":" + i + "}", null);
            assertThat(fast.next(NO_WAIT).data()).isEqualTo("{\"n\":" + i + "}");
        }

        assertThatThrownBy(() -> slow.next(NO_WAIT)).isInstanceOf(Subscription.EndedException.class);
        assertThat(hub.subscribers()).isEqualTo(1);
    }

    @Test
    void resumingReplaysOnlyWhatCameAfterTheCursorAndAnOldCursorGetsTheWholeBuffer() throws InterruptedException {
        LiveEventHub hub = new LiveEventHub(3, 10);
        LiveEvent first = hub.publish(LiveEvent.CAR_CHANGED, "1", null);
        hub.publish(LiveEvent.CAR_CHANGED, "2", null);
        hub.publish(LiveEvent.CAR_CHANGED, "3", null);
        hub.publish(LiveEvent.CAR_CHANGED, "4", null);

        Subscription resumed = hub.subscribe(e -> true, first.id() + 1);
        assertThat(resumed.next(NO_WAIT).data()).isEqualTo("3");
        assertThat(resumed.next(NO_WAIT).data()).isEqualTo("4");
        assertThat(resumed.next(NO_WAIT)).isNull();

        Subscription stale = hub.subscribe(e -> true, 0L);
        assertThat(stale.next(NO_WAIT).data()).isEqualTo("2");
    }

    @Test
    void closingEndsEveryStream() {
        LiveEventHub hub = new LiveEventHub(10, 10);
        Subscription subscription = hub.subscribe(e -> true, null);

        hub.close();

        assertThatThrownBy(() -> subscription.next(Duration.ofSeconds(5))).isInstanceOf(Subscription.EndedException.class);
    }
}
