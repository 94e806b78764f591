package com.drivenow.booking.inventory;

/** Where a booking's car check came from: the inventory server itself, or our fleet copy. */
public enum AvailabilityCheck {
    LIVE,
    CACHED
}
