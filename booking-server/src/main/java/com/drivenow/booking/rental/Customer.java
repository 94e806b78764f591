package com.drivenow.booking.rental;

/** Who rents the car. */
public record Customer(String name, String email, String phone, String licenseNumber) {

    /** As stored: without the spaces a form leaves around the text. */
    Customer trimmed() {
        return new Customer(name.trim(), email.trim(), phone.trim(), licenseNumber.trim());
    }
}
