package com.drivenow.inventory.car;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * A car as the public API shows it. {@code rentedBy} (the booking that has it out) is inventory's
 * own bookkeeping and not part of the JSON.
 */
public record Car(UUID id, String plate, String make, String model, int year, Category category, int seats,
                  Transmission transmission, FuelType fuelType, Money dailyRate, String location, long mileageKm,
                  CarStatus status, long version, Instant createdAt, Instant updatedAt,
                  @JsonIgnore UUID rentedBy) {

    /** The editable fields, as a client would send them, for merging a partial update into. */
    public CarDraft toDraft() {
        return new CarDraft(plate, make, model, year, category.name(), seats, transmission.name(), fuelType.name(),
                dailyRate, location, mileageKm);
    }
}
