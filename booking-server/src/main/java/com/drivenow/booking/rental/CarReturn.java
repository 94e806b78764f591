package com.drivenow.booking.rental;

import java.time.Instant;

/** The car back: when, the odometer and the fuel level then. All null while it is not. */
public record CarReturn(Instant returnedAt, Long mileageInKm, Integer fuelPercent) {

    static final CarReturn NONE = new CarReturn(null, null, null);
}
