package com.drivenow.gateway.events;

/**
 * One change for the desks: SSE {@code event:} type, {@code data:} JSON and {@code id:} cursor.
 * {@code bookingOwner} is the integration that made the booking (null for desk bookings and cars), so an
 * integration can be shown only its own.
 */
public record LiveEvent(long id, String type, String data, String bookingOwner) {

    public static final String CAR_CHANGED = "car.changed";
    public static final String BOOKING_CHANGED = "booking.changed";

    /** The SSE wire form; the data is one line of compact JSON. */
    public String toSse() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n";
    }
}
