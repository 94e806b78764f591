package com.drivenow.inventory.car;

/** Where a car is in its life: on the lot, out on a rental, in the workshop, or gone for good. */
public enum CarStatus {
    AVAILABLE, RENTED, MAINTENANCE, RETIRED;

    /** In service: it can go out on a rental (now, or once it is back). */
    public boolean bookable() {
        return this == AVAILABLE || this == RENTED;
    }
}
