package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

/** {@code timeZone} is the pick-up branch's zone: the days of the price are counted on its calendar. */
public record Booking(UUID id, UUID carId, CarSummary car, Customer customer, Instant from, Instant to,
                      String pickUpBranch, String returnBranch, String timeZone,
                      BookingStatus status, Money price, PriceBreakdown priceBreakdown, AvailabilityCheck availabilityCheck,
                      Integer mileageOutKm, Integer mileageInKm, Instant createdAt, Instant pickedUpAt,
                      Instant returnedAt, String createdBy) {

    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && to.isAfter(start);
    }

    /** A car returned elsewhere than where it was picked up. */
    public boolean oneWay() {
        return returnBranch != null && pickUpBranch != null && !returnBranch.equals(pickUpBranch);
    }
}
