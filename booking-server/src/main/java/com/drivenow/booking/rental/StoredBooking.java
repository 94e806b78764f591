package com.drivenow.booking.rental;

/**
 * A booking as stored: the public view plus what only the server needs, the event {@code sequence}
 * (1 at creation, +1 per change) and whether an integration (API key) made it.
 */
public record StoredBooking(Booking booking, int sequence, boolean createdByIntegration) {

    /** The booking after one more change: every change is one step of the event sequence. */
    StoredBooking next(Booking changed) {
        return new StoredBooking(changed, sequence + 1, createdByIntegration);
    }
}
