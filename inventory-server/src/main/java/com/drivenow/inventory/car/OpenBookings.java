package com.drivenow.inventory.car;

import io.helidon.dbclient.DbTransaction;

import java.util.UUID;

/** How many bookings of a car are still open (created or picked up, not yet returned or cancelled). */
@FunctionalInterface
public interface OpenBookings {

    long count(DbTransaction tx, UUID carId);
}
