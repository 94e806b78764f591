package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

public record Car(UUID id, String plate, String make, String model, int year, String category, int seats,
                  String transmission, String fuelType, Money dailyRate, String location, int mileageKm,
                  CarStatus status, long version, Instant createdAt, Instant updatedAt) {

    public String makeAndModel() {
        return make + " " + model;
    }
}
