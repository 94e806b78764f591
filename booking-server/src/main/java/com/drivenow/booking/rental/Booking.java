package com.drivenow.booking.rental;

import com.drivenow.booking.inventory.AvailabilityCheck;
import com.drivenow.booking.pricing.Pricing;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.UUID;

/**
 * The public Booking JSON of API.md (plus {@code priceBreakdown}, {@code fuelPercent},
 * {@code cancelledAt}, {@code cancelReason} and {@code attentionReason}), grouped by what changes
 * together: what was booked, its price, and its progress through the life cycle. The groups are
 * unwrapped on the wire, so the JSON stays flat.
 */
public record Booking(UUID id, UUID carId, CarSummary car, Customer customer, @JsonUnwrapped RentalWindow window,
                      @JsonUnwrapped Route route, @JsonUnwrapped Pricing.Quote charge, AvailabilityCheck availabilityCheck,
                      @JsonUnwrapped Progress progress, Instant createdAt, String createdBy) {

    public BookingStatus status() {
        return progress.status();
    }

    /** True once the car was handed over (an ACTIVE booking, or one that went wrong afterwards). */
    public boolean pickedUp() {
        return progress.handOver().pickedUpAt() != null;
    }

    Booking pickedUp(long mileageKm, Instant at) {
        return with(charge, progress.pickedUp(new HandOver(at, mileageKm)));
    }

    Booking returned(long mileageKm, int fuel, Instant at) {
        Pricing.Quote total = Pricing.finalPrice(charge.priceBreakdown(), window.from(), window.to(), at, route.zone());
        return with(total, progress.returned(new CarReturn(at, mileageKm, fuel)));
    }

    Booking cancelled(String reason, Instant at) {
        return with(charge, progress.cancelled(new Cancellation(at, reason)));
    }

    Booking needingAttention(String reason) {
        return with(charge, progress.needingAttention(reason));
    }

    private Booking with(Pricing.Quote newCharge, Progress next) {
        return new Booking(id, carId, car, customer, window, route, newCharge, availabilityCheck, next, createdAt,
                createdBy);
    }
}
