package com.drivenow.booking.inventory;

import com.drivenow.booking.fleet.FleetCar;

/** A car that may be booked for a window, and how we know. */
public record CarCheck(FleetCar car, AvailabilityCheck source) {
}
