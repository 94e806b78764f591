package com.drivenow.bench.fault;

/**
 * Booking events end to end. {@code published} is what the booking server committed (every change
 * of a booking bumps its sequence and appends one event), {@code applied} what inventory recorded
 * as processed, {@code lost} the events inventory never saw.
 */
public record EventFigures(long published, long applied, long duplicatesSuppressed, long lost) {
}
