package com.drivenow.booking.fleet;

import com.drivenow.booking.pricing.Money;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the booking server knows of one car: the fields it books and searches by, plus the whole
 * public Car JSON as the inventory server last sent it (returned as is by availability searches).
 */
public record FleetCar(UUID id, String plate, String make, String model, String category, String location,
                       Money dailyRate, long mileageKm, String status, long version, JsonNode json) {

    public static final String RETIRED = "RETIRED";
    public static final String MAINTENANCE = "MAINTENANCE";

    /** Reads the inventory server's public Car JSON; a car missing a field we need is refused. */
    public static FleetCar fromJson(JsonNode car) {
        if (car == null || !car.isObject()) {
            throw new IllegalArgumentException("car is not a JSON object");
        }
        JsonNode rate = required(car, "dailyRate");
        return new FleetCar(UUID.fromString(text(car, "id")), text(car, "plate"), text(car, "make"),
                text(car, "model"), text(car, "category"), text(car, "location"),
                new Money(text(rate, "currency"), new BigDecimal(text(rate, "amount"))),
                required(car, "mileageKm").asLong(), text(car, "status"), required(car, "version").asLong(), car);
    }

    /** True when the car can take new bookings at all (whatever its bookings). */
    public boolean inService() {
        return !RETIRED.equals(status) && !MAINTENANCE.equals(status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " is not a value");
        }
        return value.asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("car." + field + " is missing");
        }
        return value;
    }
}
