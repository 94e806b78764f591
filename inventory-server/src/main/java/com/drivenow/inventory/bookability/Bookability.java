package com.drivenow.inventory.bookability;

import com.drivenow.inventory.car.Car;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Whether a car can take a booking for a window, as the booking server asks before it books.
 * Retired and workshop cars never can; a car out on a rental can be booked for later (it comes
 * back), but not for a window that starts within {@code rentedHorizon}, when it must be on the lot.
 */
public record Bookability(UUID carId, boolean bookable, Reason reason, Car car) {

    public enum Reason {
        RETIRED, MAINTENANCE, RENTED
    }

    public static Bookability of(Car car, Instant from, Instant now, Duration rentedHorizon) {
        Reason reason = switch (car.status()) {
            case RETIRED -> Reason.RETIRED;
            case MAINTENANCE -> Reason.MAINTENANCE;
            case RENTED -> from.isBefore(now.plus(rentedHorizon)) ? Reason.RENTED : null;
            case AVAILABLE -> null;
        };
        return new Bookability(car.id(), reason == null, reason, car);
    }
}
