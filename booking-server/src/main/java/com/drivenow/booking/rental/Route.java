package com.drivenow.booking.rental;

import java.time.ZoneId;

/**
 * Where the car is picked up and returned (branch codes), and the pick-up branch's IANA time zone:
 * the booking's days are counted on its calendar and desks show its times in it. Before branches,
 * bookings had no branches and counted in UTC.
 */
public record Route(String pickUpBranch, String returnBranch, String timeZone) {

    static final String BEFORE_BRANCHES_ZONE = "UTC";

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    boolean oneWay() {
        return pickUpBranch != null && !pickUpBranch.equals(returnBranch);
    }
}
