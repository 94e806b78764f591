package com.drivenow.desk.api;

import java.time.Instant;
import java.util.List;

/** Cars free for a whole window. {@code availabilityCheck} is read when the gateway sends it (API.md only promises it on bookings). */
public record Availability(Instant from, Instant to, List<AvailableCar> items, AvailabilityCheck availabilityCheck) {
}
