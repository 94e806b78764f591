package com.drivenow.booking.rental;

import com.drivenow.booking.inventory.AvailabilityCheck;
import com.drivenow.booking.pricing.Money;
import com.drivenow.booking.pricing.PriceBreakdown;
import com.drivenow.booking.pricing.Pricing;

import java.time.Instant;
import java.util.UUID;

/**
 * The public Booking JSON of API.md, plus {@code priceBreakdown}, {@code fuelPercent},
 * {@code cancelledAt}, {@code cancelReason} and {@code attentionReason}.
 */
public record Booking(UUID id, UUID carId, CarSummary car, Customer customer, Instant from, Instant to,
                      BookingStatus status, Money price, PriceBreakdown priceBreakdown,
                      AvailabilityCheck availabilityCheck, Long mileageOutKm, Long mileageInKm, Integer fuelPercent,
                      Instant createdAt, Instant pickedUpAt, Instant returnedAt, Instant cancelledAt,
                      String cancelReason, String attentionReason, String createdBy) {

    /** True once the car was handed over (an ACTIVE booking, or one that went wrong afterwards). */
    public boolean pickedUp() {
        return pickedUpAt != null;
    }

    Booking pickedUp(long mileageKm, Instant at) {
        return new Booking(id, carId, car, customer, from, to, BookingStatus.ACTIVE, price, priceBreakdown,
                availabilityCheck, mileageKm, mileageInKm, fuelPercent, createdAt, at, returnedAt, cancelledAt,
                cancelReason, attentionReason, createdBy);
    }

    Booking returned(long mileageKm, int fuel, Instant at) {
        Pricing.Quote total = Pricing.finalPrice(priceBreakdown.dailyRate(), from, to, at);
        return new Booking(id, carId, car, customer, from, to, BookingStatus.RETURNED, total.total(),
                total.breakdown(), availabilityCheck, mileageOutKm, mileageKm, fuel, createdAt, pickedUpAt, at,
                cancelledAt, cancelReason, attentionReason, createdBy);
    }

    Booking cancelled(String reason, Instant at) {
        return new Booking(id, carId, car, customer, from, to, BookingStatus.CANCELLED, price, priceBreakdown,
                availabilityCheck, mileageOutKm, mileageInKm, fuelPercent, createdAt, pickedUpAt, returnedAt, at,
                reason, attentionReason, createdBy);
    }

    Booking needingAttention(String reason) {
        return new Booking(id, carId, car, customer, from, to, BookingStatus.NEEDS_ATTENTION, price, priceBreakdown,
                availabilityCheck, mileageOutKm, mileageInKm, fuelPercent, createdAt, pickedUpAt, returnedAt,
                cancelledAt, cancelReason, reason, createdBy);
    }
}
