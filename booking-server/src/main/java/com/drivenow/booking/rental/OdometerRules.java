package com.drivenow.booking.rental;

import com.drivenow.booking.pricing.Pricing;
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What an odometer reading at the counter may say: never less than the last reading, and never more
 * above it than a car can plausibly be driven ({@code maxKmPerDay} for each started day it was out;
 * one day's worth at a hand-over, for the drive from another branch). A typo such as 99,999 km would
 * otherwise stay on the car for good; a fleet manager corrects a wrong reading on the car itself.
 */
public record OdometerRules(long maxKmPerDay) {

    void checkHandOver(long reading, long recorded) {
        check(reading, recorded, 1, "the car's recorded mileage");
    }

    void checkReturn(long reading, Long mileageOut, Instant pickedUpAt, Instant now) {
        if (mileageOut == null) {
            return;
        }
        long daysOut = pickedUpAt == null ? 1 : Math.max(1, Pricing.startedDays(pickedUpAt, now, ZoneOffset.UTC));
        check(reading, mileageOut, daysOut, "the mileage out");
    }

    private void check(long reading, long last, long days, String lastName) {
        if (reading < last) {
            throw invalid("must be at least " + lastName + ", " + last + " km");
        }
        long plausible = last + maxKmPerDay * days;
        if (reading > plausible) {
            throw invalid("is " + (reading - last) + " km above " + lastName + " (" + last + " km); at most "
                    + maxKmPerDay + " km a day is plausible, so at most " + plausible + " km. Check the reading, "
                    + "or have a fleet manager correct the car's odometer first");
        }
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalid(List.of(new FieldError("mileageKm", message)));
    }
}
