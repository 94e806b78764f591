package com.drivenow.bench.fault;

/**
 * Booking events end to end. {@code published} is what the booking server committed (every change
 * of a booking bumps its sequence and appends one event), {@code applied} what inventory recorded
 * as processed, {@code lost} the events inventory never saw. {@code duplicates} (deliveries skipped
 * as applied before) and {@code redelivered} (deliveries the broker flagged redelivered) are the
 * inventory consumers' counters over every instance and all its lives: they show the dangerous
 * windows were hit.
 */
public record EventFigures(long published, long applied, long duplicates, long redelivered, long lost) {
}
