package com.drivenow.inventory.bookability;

import com.drivenow.inventory.car.Car;

import java.util.UUID;

/**
 * Whether a car can take a booking, as the booking server asks before it books: retired and
 * workshop cars never can. Whether a car out on a rental is back when a window starts is not for
 * inventory to say: the booking server owns the rentals and its holds decide (inventory's RENTED
 * only follows them, a moment late).
 */
public record Bookability(UUID carId, boolean bookable, Reason reason, Car car) {

    public enum Reason {
        RETIRED, MAINTENANCE
    }

    public static Bookability of(Car car) {
        Reason reason = switch (car.status()) {
            case RETIRED -> Reason.RETIRED;
            case MAINTENANCE -> Reason.MAINTENANCE;
            case AVAILABLE, RENTED -> null;
        };
        return new Bookability(car.id(), reason == null, reason, car);
    }
}
