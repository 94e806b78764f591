package com.drivenow.inventory.fleet;

import com.drivenow.inventory.car.Car;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code car.*} events: the whole car after the change; consumers keep the highest version. */
public record CarEvent(UUID eventId, String eventType, Instant occurredAt, UUID carId, long version, Car car) {
}
