package com.drivenow.desk.planner;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlannerLayoutTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Two weeks from Monday 23 March 2026; Sunday 29 March has only 23 hours in Berlin. */
    private final PlannerLayout layout = new PlannerLayout(LocalDate.of(2026, 3, 23), 14, 100, BERLIN);

    @Test
    void widthAndEndsFollowTheBranchMidnights() {
        assertThat(layout.width()).isEqualTo(1400);
        assertThat(layout.startInstant()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(layout.endInstant()).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
    }

    @Test
    void anInstantLandsAtItsLocalTimeOfDay() {
        assertThat(layout.x(Instant.parse("2026-03-22T23:00:00Z"))).isEqualTo(0);
        assertThat(layout.x(Instant.parse("2026-03-23T11:00:00Z"))).isCloseTo(50, within(1e-9));   // noon on day one
        assertThat(layout.x(Instant.parse("2026-03-24T17:00:00Z"))).isCloseTo(175, within(1e-9));  // 18:00 on day two
    }

    @Test
    void theShortSummerTimeDayIsSqueezedIntoOneColumn() {
        // 29 March: midnight 23:00Z, clocks jump at 01:00Z; noon local is 10:00Z, 11 of its 23 hours gone.
        assertThat(layout.x(Instant.parse("2026-03-29T10:00:00Z"))).isCloseTo(600 + 100.0 * 11 / 23, within(1e-9));
        assertThat(layout.x(Instant.parse("2026-03-29T22:00:00Z"))).isCloseTo(700, within(1e-9));
    }

    @Test
    void aBookingInsideTheWeeksKeepsItsSpan() {
        PlannerLayout.Span span = layout.span(Instant.parse("2026-03-23T11:00:00Z"), Instant.parse("2026-03-25T11:00:00Z")).orElseThrow();

        assertThat(span.x()).isCloseTo(50, within(1e-9));
        assertThat(span.width()).isCloseTo(200, within(1e-9));
        assertThat(span.startsBefore()).isFalse();
        assertThat(span.endsAfter()).isFalse();
    }

    @Test
    void aBookingOverlappingTheEdgesIsClipped() {
        PlannerLayout.Span span = layout.span(Instant.parse("2026-03-20T09:00:00Z"), Instant.parse("2026-04-10T09:00:00Z")).orElseThrow();

        assertThat(span.x()).isEqualTo(0);
        assertThat(span.width()).isEqualTo(1400);
        assertThat(span.startsBefore()).isTrue();
        assertThat(span.endsAfter()).isTrue();
    }

    @Test
    void aBookingOutsideTheWeeksHasNoSpan() {
        assertThat(layout.span(Instant.parse("2026-03-20T09:00:00Z"), Instant.parse("2026-03-22T23:00:00Z"))).isEmpty();
        assertThat(layout.span(Instant.parse("2026-04-05T22:00:00Z"), Instant.parse("2026-04-07T09:00:00Z"))).isEmpty();
    }

    @Test
    void aPixelTellsItsDay() {
        assertThat(layout.dayAt(0)).contains(LocalDate.of(2026, 3, 23));
        assertThat(layout.dayAt(650)).contains(LocalDate.of(2026, 3, 29));
        assertThat(layout.dayAt(1399.9)).contains(LocalDate.of(2026, 4, 5));
        assertThat(layout.dayAt(-1)).isEmpty();
        assertThat(layout.dayAt(1400)).isEmpty();
    }
}
