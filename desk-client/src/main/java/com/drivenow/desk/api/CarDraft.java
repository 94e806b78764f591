package com.drivenow.desk.api;

/** The fields a fleet manager sets when adding or editing a car (no id, status or version). */
public record CarDraft(String plate, String make, String model, int year, String category, int seats,
                       String transmission, String fuelType, Money dailyRate, String location, int mileageKm) {
}
