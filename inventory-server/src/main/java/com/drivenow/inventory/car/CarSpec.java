package com.drivenow.inventory.car;

import java.math.BigDecimal;

/** Validated, normalised editable fields of a car; only {@link CarValidator} makes them. */
public record CarSpec(String plate, String make, String model, int year, Category category, int seats,
                      Transmission transmission, FuelType fuelType, String currency, BigDecimal dailyRate,
                      String location, long mileageKm) {
}
