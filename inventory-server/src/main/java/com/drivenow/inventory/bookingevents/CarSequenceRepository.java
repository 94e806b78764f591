package com.drivenow.inventory.bookingevents;

import io.helidon.dbclient.DbTransaction;

import java.util.UUID;

/** The {@code car_booking_sequence} table: per car, the newest booking-event car state applied. */
final class CarSequenceRepository {

    /**
     * Records {@code sequence} as the car's newest if it is newer than the last one; true then. The
     * caller holds the car's row lock, so two consumers cannot both take the same car's turn.
     */
    boolean advance(DbTransaction tx, UUID carId, long sequence) {
        return tx.createInsert("INSERT INTO car_booking_sequence AS s (car_id, last_sequence) VALUES (:car, :sequence) "
                        + "ON CONFLICT (car_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence "
                        + "WHERE s.last_sequence < EXCLUDED.last_sequence")
                .addParam("car", carId)
                .addParam("sequence", sequence)
                .execute() == 1;
    }
}
