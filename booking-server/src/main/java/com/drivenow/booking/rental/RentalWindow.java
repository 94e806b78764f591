package com.drivenow.booking.rental;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When the car is booked: {@code [from, to)}. */
public record RentalWindow(Instant from, Instant to) {

    /** At the database's microsecond precision, so an answer equals the row it was written to. */
    RentalWindow atDatabasePrecision() {
        return new RentalWindow(from.truncatedTo(ChronoUnit.MICROS), to.truncatedTo(ChronoUnit.MICROS));
    }
}
