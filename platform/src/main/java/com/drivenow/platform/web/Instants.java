package com.drivenow.platform.web;

import java.time.Instant;

/**
 * The instants the API accepts: 1900 to 2200. Anything outside is a typo (a year 20260) that
 * PostgreSQL or the price arithmetic would otherwise answer with a 500.
 */
public final class Instants {

    public static final String PLAUSIBLE_RANGE = "must lie between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z";

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Instants() {
    }

    public static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }
}
