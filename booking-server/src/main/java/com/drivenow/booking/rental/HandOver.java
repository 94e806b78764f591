package com.drivenow.booking.rental;

import java.time.Instant;

/** The car handed over: when, and the odometer then. Both null while it was not. */
public record HandOver(Instant pickedUpAt, Long mileageOutKm) {

    static final HandOver NONE = new HandOver(null, null);
}
