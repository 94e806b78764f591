package com.drivenow.inventory.bookingevents;

import java.util.Arrays;
import java.util.Optional;

/** The booking server's routing keys that inventory handles (documented in docs/asyncapi.yaml). */
public enum BookingEventType {
    CREATED("booking.created"),
    PICKED_UP("booking.picked-up"),
    RETURNED("booking.returned"),
    CANCELLED("booking.cancelled"),
    NEEDS_ATTENTION("booking.needs-attention");

    private final String routingKey;

    BookingEventType(String routingKey) {
        this.routingKey = routingKey;
    }

    public String routingKey() {
        return routingKey;
    }

    public static Optional<BookingEventType> of(String routingKey) {
        return Arrays.stream(values()).filter(t -> t.routingKey.equals(routingKey)).findFirst();
    }
}
