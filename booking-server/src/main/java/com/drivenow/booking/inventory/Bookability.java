package com.drivenow.booking.inventory;

import com.drivenow.booking.fleet.FleetCar;

/** The inventory server's answer to "can this car be booked for this window?". */
public record Bookability(boolean bookable, String reason, FleetCar car) {
}
