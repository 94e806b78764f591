package com.drivenow.desk.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private final SseParser parser = new SseParser();

    @Test
    void eventTypeIdAndDataMakeOneEventAtTheBlankLine() {
        List<SseEvent> events = feed("id: 41", "event: car.changed", "data: {\"plate\":\"B-DN 1042\"}", "");

        assertThat(events).containsExactly(new SseEvent("car.changed", "{\"plate\":\"B-DN 1042\"}", "41"));
        assertThat(parser.lastId()).isEqualTo("41");
    }

    @Test
    void severalDataLinesAreJoinedWithNewlines() {
        List<SseEvent> events = feed("event: booking.changed", "data: {\"a\":1,", "data:  \"b\":2}", "");

        assertThat(events).extracting(SseEvent::data).containsExactly("{\"a\":1,\n \"b\":2}");
    }

    @Test
    void commentsAndHeartbeatsDispatchNothing() {
        List<SseEvent> events = feed(": welcome", "", ":heartbeat", "", "data: x", ": in the middle", "");

        assertThat(events).extracting(SseEvent::data).containsExactly("x");
    }

    @Test
    void anEventWithoutTypeIsAMessageAndTheLastIdCarriesOver() {
        List<SseEvent> events = feed("id: 7", "data: first", "", "data: second", "");

        assertThat(events).containsExactly(new SseEvent("message", "first", "7"), new SseEvent("message", "second", "7"));
    }

    @Test
    void typeDoesNotLeakIntoTheNextEvent() {
        List<SseEvent> events = feed("event: car.changed", "data: a", "", "data: b", "");

        assertThat(events).extracting(SseEvent::type).containsExactly("car.changed", "message");
    }

    @Test
    void fieldWithoutColonOrValueAndUnknownFieldsAreHarmless() {
        List<SseEvent> events = feed("retry: 3000", "data", "", "event: car.changed", "", "data:no-space", "");

        assertThat(events).extracting(SseEvent::data).containsExactly("", "no-space");
    }

    @Test
    void idWithNulIsIgnored() {
        feed("id: 5", "data: a", "", "id: 6\0", "data: b", "");

        assertThat(parser.lastId()).isEqualTo("5");
    }

    @Test
    void resetDropsAHalfReadEventButKeepsTheCursor() {
        feed("id: 9", "data: a", "", "event: car.changed", "data: cut off by a dropped connection");
        parser.reset();

        assertThat(feed("data: fresh", "")).containsExactly(new SseEvent("message", "fresh", "9"));
    }

    private List<SseEvent> feed(String... lines) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }
}
