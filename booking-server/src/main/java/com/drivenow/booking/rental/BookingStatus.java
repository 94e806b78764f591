package com.drivenow.booking.rental;

/** Where a booking is in its life: RESERVED -> ACTIVE -> RETURNED, or RESERVED -> CANCELLED. */
public enum BookingStatus {
    RESERVED,
    ACTIVE,
    RETURNED,
    CANCELLED,
    /** The inventory server could not apply one of its events; an agent must look at it. */
    NEEDS_ATTENTION
}
