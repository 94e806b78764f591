package com.drivenow.inventory.bookingevents;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking event as the booking server writes it, built by name so a test can publish any order:
 * {@code BookingEventMessage.of("booking.picked-up", booking, car).sequences(2, 5).outWith(booking)}.
 */
final class BookingEventMessage {

    final String eventId = UUID.randomUUID().toString();
    final String type;
    private final String bookingId;
    private final String carId;
    private long sequence = 1;
    private long carSequence = 1;
    private String outWith;
    private Long mileageKm;

    private BookingEventMessage(String type, String bookingId, String carId) {
        this.type = type;
        this.bookingId = bookingId;
        this.carId = carId;
    }

    static BookingEventMessage of(String type, String bookingId, String carId) {
        return new BookingEventMessage(type, bookingId, carId);
    }

    /** The booking's own sequence and the car's sequence over all its bookings' events. */
    BookingEventMessage sequences(long booking, long car) {
        this.sequence = booking;
        this.carSequence = car;
        return this;
    }

    /** The booking the car is out with after this change (none: back on the lot). */
    BookingEventMessage outWith(String booking) {
        this.outWith = booking;
        return this;
    }

    BookingEventMessage mileage(long km) {
        this.mileageKm = km;
        return this;
    }

    String json() {
        return """
                {"eventId":"%s","eventType":"%s","occurredAt":"%s","bookingId":"%s","carId":"%s","sequence":%d,
                 "from":"2026-12-01T10:00:00Z","to":"2026-12-03T10:00:00Z","status":"RESERVED","mileageKm":%s,
                 "carState":{"sequence":%d,"outWith":%s},"booking":{"id":"%s"}}""".formatted(eventId, type,
                Instant.now(), bookingId, carId, sequence, mileageKm == null ? "null" : mileageKm.toString(),
                carSequence, outWith == null ? "null" : "\"" + outWith + "\"", bookingId);
    }
}
