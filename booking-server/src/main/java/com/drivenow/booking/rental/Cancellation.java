package com.drivenow.booking.rental;

import java.time.Instant;

/** The booking called off before the hand-over: when and why. Both null while it was not. */
public record Cancellation(Instant cancelledAt, String cancelReason) {

    static final Cancellation NONE = new Cancellation(null, null);
}
