package com.drivenow.desk.planner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The planner's geometry: {@code days} columns of {@code dayWidth} pixels from midnight of {@code start}
 * in the branch's zone. Days are 24 h wide on screen; a DST day is stretched or squeezed to fit.
 */
public record PlannerLayout(LocalDate start, int days, double dayWidth, ZoneId zone) {

    /** A bar's horizontal span, already clipped to the visible days. */
    public record Span(double x, double width, boolean startsBefore, boolean endsAfter) {
    }

    public double width() {
        return days * dayWidth;
    }

    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant endInstant() {
        return start.plusDays(days).atStartOfDay(zone).toInstant();
    }

    /** Pixel position of an instant, unclipped. */
    public double x(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        double fraction = (double) Duration.between(dayStart, instant).toMillis() / Duration.between(dayStart, dayEnd).toMillis();
        return (ChronoUnit.DAYS.between(start, day) + fraction) * dayWidth;
    }

    /** The span of a half-open window [from, to), or empty when it lies outside the visible days. */
    public Optional<Span> span(Instant from, Instant to) {
        if (!to.isAfter(startInstant()) || !from.isBefore(endInstant())) {
            return Optional.empty();
        }
        double left = Math.max(0, x(from));
        double right = Math.min(width(), x(to));
        return Optional.of(new Span(left, right - left, from.isBefore(startInstant()), to.isAfter(endInstant())));
    }

    /** The day under a pixel position, or empty outside the grid. */
    public Optional<LocalDate> dayAt(double x) {
        if (x < 0 || x >= width()) {
            return Optional.empty();
        }
        return Optional.of(start.plusDays((long) (x / dayWidth)));
    }
}
