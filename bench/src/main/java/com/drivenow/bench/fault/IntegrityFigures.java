package com.drivenow.bench.fault;

/**
 * The bookings against what clients were told and what inventory shows; each must be 0.
 *
 * @param lost         bookings answered 201 that are not in the booking database (for their car)
 * @param doubled      pairs of bookings whose physical holds of a car overlap, plus cars out on
 *                     more than one booking
 * @param inconsistent cars whose state in inventory disagrees with the bookings that have them out
 *                     (or whose mileage is below what their bookings read)
 */
public record IntegrityFigures(long lost, long doubled, long inconsistent) {
}
