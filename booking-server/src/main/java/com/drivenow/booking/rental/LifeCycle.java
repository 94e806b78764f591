package com.drivenow.booking.rental;

import com.drivenow.platform.web.ProblemException;

/**
 * Which step may follow which, and why not. NEEDS_ATTENTION keeps the booking usable: an agent may
 * still pick it up or cancel it while the car was never handed over, and return it once it was.
 */
final class LifeCycle {

    private LifeCycle() {
    }

    static void requirePickUp(Booking b) {
        switch (b.status()) {
            case RESERVED -> { }
            case NEEDS_ATTENTION -> refuseIf(b.pickedUp(), "The booking is already picked up.");
            case ACTIVE -> refuse("The booking is already picked up (ACTIVE).");
            case RETURNED -> refuse("The booking is already returned.");
            case CANCELLED -> refuse("The booking is cancelled; make a new one.");
        }
    }

    static void requireReturn(Booking b) {
        switch (b.status()) {
            case ACTIVE -> { }
            case NEEDS_ATTENTION -> refuseIf(!b.pickedUp(), "The booking was never picked up; only a car that is out can be returned.");
            case RESERVED -> refuse("The booking is not picked up yet (RESERVED); only an ACTIVE booking can be returned.");
            case RETURNED -> refuse("The booking is already returned.");
            case CANCELLED -> refuse("The booking is cancelled; it was never picked up.");
        }
    }

    static void requireCancel(Booking b) {
        switch (b.status()) {
            case RESERVED -> { }
            case NEEDS_ATTENTION -> refuseIf(b.pickedUp(), "The car is out with the customer; return the booking instead.");
            case ACTIVE -> refuse("The car is out with the customer (ACTIVE); return the booking instead.");
            case RETURNED -> refuse("The booking is already returned.");
            case CANCELLED -> refuse("The booking is already cancelled.");
        }
    }

    /** A conflict reported by the inventory server matters only while the booking is still open. */
    static boolean canNeedAttention(Booking b) {
        return b.status() == BookingStatus.RESERVED || b.status() == BookingStatus.ACTIVE;
    }

    private static void refuseIf(boolean condition, String why) {
        if (condition) {
            refuse(why);
        }
    }

    private static void refuse(String why) {
        throw ProblemException.conflict(why);
    }
}
