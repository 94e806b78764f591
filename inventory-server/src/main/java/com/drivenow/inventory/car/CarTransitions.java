package com.drivenow.inventory.car;

import com.drivenow.platform.web.ProblemException;

/**
 * The fleet manager's state changes and why they may be refused. Each returns the status the car
 * moves to (the same status when there is nothing to do) or throws a 409 that says why not.
 */
public final class CarTransitions {

    private CarTransitions() {
    }

    public static CarStatus startMaintenance(Car car) {
        return switch (car.status()) {
            case AVAILABLE, MAINTENANCE -> CarStatus.MAINTENANCE;
            case RENTED -> throw outOnRental(car, "go to maintenance");
            case RETIRED -> throw retired(car);
        };
    }

    public static CarStatus endMaintenance(Car car) {
        return switch (car.status()) {
            case MAINTENANCE -> CarStatus.AVAILABLE;
            case AVAILABLE, RENTED -> car.status();
            case RETIRED -> throw retired(car);
        };
    }

    public static CarStatus retire(Car car, long openBookings) {
        return switch (car.status()) {
            case RETIRED -> CarStatus.RETIRED;
            case RENTED -> throw outOnRental(car, "be retired");
            case AVAILABLE, MAINTENANCE -> {
                if (openBookings > 0) {
                    throw ProblemException.conflict("Car " + car.plate() + " cannot be retired: it has " + openBookings
                            + " open booking(s); cancel or complete them first.");
                }
                yield CarStatus.RETIRED;
            }
        };
    }

    /** Editing a car's details is allowed in any state but RETIRED. */
    public static void requireEditable(Car car) {
        if (car.status() == CarStatus.RETIRED) {
            throw retired(car);
        }
    }

    private static ProblemException outOnRental(Car car, String what) {
        return ProblemException.conflict("Car " + car.plate() + " cannot " + what
                + ": it is out on a rental (booking " + car.rentedBy() + ").");
    }

    private static ProblemException retired(Car car) {
        return ProblemException.conflict("Car " + car.plate() + " is retired and cannot change anymore.");
    }
}
