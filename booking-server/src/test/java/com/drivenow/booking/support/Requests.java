package com.drivenow.booking.support;

import java.time.Instant;

/** Request bodies the tests send. */
public final class Requests {

    private Requests() {
    }

    /** A valid create body for Ada Lovelace. */
    public static String body(String carId, Instant from, Instant to, boolean walkIn) {
        return """
                {"carId":"%s","from":"%s","to":"%s","pickUpNow":%s,
                 "customer":{"name":"Ada Lovelace","email":"ada@example.com","phone":"+49 30 1234567",
                             "licenseNumber":"B072RRE2I55"}}""".formatted(carId, from, to, walkIn);
    }
}
