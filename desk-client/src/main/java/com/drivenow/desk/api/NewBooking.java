package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

public record NewBooking(UUID carId, Instant from, Instant to, Customer customer, boolean pickUpNow) {
}
