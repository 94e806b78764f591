package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

public record Booking(UUID id, UUID carId, CarSummary car, Customer customer, Instant from, Instant to,
                      BookingStatus status, Money price, AvailabilityCheck availabilityCheck,
                      Integer mileageOutKm, Integer mileageInKm, Instant createdAt, Instant pickedUpAt,
                      Instant returnedAt, String createdBy) {

    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
