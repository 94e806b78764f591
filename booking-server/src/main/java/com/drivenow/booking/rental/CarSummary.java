package com.drivenow.booking.rental;

/** The car as a booking shows it, copied at booking time so listings need no other service. */
public record CarSummary(String plate, String make, String model) {
}
