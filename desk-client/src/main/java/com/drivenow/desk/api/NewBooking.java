package com.drivenow.desk.api;

import java.time.Instant;
import java.util.UUID;

/** {@code returnBranch} null means back where it was picked up; the pick-up branch is always the car's own. */
public record NewBooking(UUID carId, Instant from, Instant to, Customer customer, boolean pickUpNow, String returnBranch) {
}
