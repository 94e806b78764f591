package com.drivenow.desk.api;

/** The few car fields a booking carries. */
public record CarSummary(String plate, String make, String model) {
}
