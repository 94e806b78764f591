package com.drivenow.inventory.car;

/**
 * The editable fields of a car as a client sends them, before validation. Enumerations are plain
 * strings here so that one answer can list every invalid field, not just the first wrong enum.
 */
public record CarDraft(String plate, String make, String model, Integer year, String category, Integer seats,
                       String transmission, String fuelType, Money dailyRate, String location, Long mileageKm) {
}
