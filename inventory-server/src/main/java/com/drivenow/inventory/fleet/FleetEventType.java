package com.drivenow.inventory.fleet;

/** The routing keys inventory publishes on the fleet exchange (documented in docs/asyncapi.yaml). */
public enum FleetEventType {
    CAR_ADDED("car.added"),
    CAR_CHANGED("car.changed"),
    CAR_STATUS_CHANGED("car.status-changed"),
    BRANCH_ADDED("branch.added"),
    BRANCH_CHANGED("branch.changed"),
    BOOKING_CONFLICT("booking.conflict");

    private final String routingKey;

    FleetEventType(String routingKey) {
        this.routingKey = routingKey;
    }

    public String routingKey() {
        return routingKey;
    }
}
