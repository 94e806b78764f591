package com.drivenow.booking.rental;

/** Who rents the car. */
public record Customer(String name, String email, String phone, String licenseNumber) {
}
