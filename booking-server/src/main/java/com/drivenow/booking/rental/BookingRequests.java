package com.drivenow.booking.rental;

import com.drivenow.platform.web.FieldErrors;
import com.drivenow.platform.web.Instants;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** The bodies of the booking calls, and the rules a body must meet before anything is looked up. */
public final class BookingRequests {

    /** A form takes time to fill: {@code from} may lie this far in the past. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(15);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,25}");
    private static final Pattern LICENSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{3,29}");

    private BookingRequests() {
    }

    /**
     * {@code mileageKm}: the odometer read at the counter for a walk-in; without it, the car's recorded
     * mileage. {@code pickUpBranch} defaults to the car's branch, {@code returnBranch} to the pick-up branch.
     */
    public record Create(UUID carId, Instant from, Instant to, Customer customer, Boolean pickUpNow, Long mileageKm,
                         String pickUpBranch, String returnBranch) {
        public boolean walkIn() {
            return Boolean.TRUE.equals(pickUpNow);
        }
    }

    public record PickUp(Long mileageKm) {
    }

    public record Return(Long mileageKm, Integer fuelPercent) {
    }

    public record Cancel(String reason) {
    }

    /** Limits of a booking window, from configuration. */
    public record WindowRules(Duration maxLength, Duration maxAdvance) {
    }

    /** What a create body must meet on its own, before its Idempotency-Key is looked up. */
    static void validate(Create body) {
        FieldErrors errors = new FieldErrors()
                .require("carId", body.carId())
                .require("from", body.from())
                .require("to", body.to())
                .require("customer", body.customer());
        errors.check(body.from() == null || Instants.plausible(body.from()), "from", Instants.PLAUSIBLE_RANGE);
        errors.check(body.to() == null || Instants.plausible(body.to()), "to", Instants.PLAUSIBLE_RANGE);
        if (body.from() != null && body.to() != null) {
            errors.check(body.to().isAfter(body.from()), "to", "must be after from");
        }
        errors.check(body.mileageKm() == null || body.walkIn(), "mileageKm",
                "only a walk-in (pickUpNow) is handed over at booking; pick a reservation up with /pickup");
        errors.check(body.mileageKm() == null || body.mileageKm() >= 0, "mileageKm", "must not be negative");
        if (body.customer() != null) {
            Customer c = body.customer();
            text(errors, "customer.name", c.name(), 200);
            pattern(errors, "customer.email", c.email(), EMAIL, 254, "must be an e-mail address");
            pattern(errors, "customer.phone", c.phone(), PHONE, 25, "must be a phone number (digits, spaces, + ( ) - . /)");
            pattern(errors, "customer.licenseNumber", c.licenseNumber(), LICENSE, 30,
                    "must be 4 to 30 letters, digits, spaces or dashes");
            errors.check(c.phone() == null || c.phone().chars().filter(Character::isDigit).count() >= 6,
                    "customer.phone", "must have at least 6 digits");
        }
        errors.throwIfAny();
    }

    /** The window's rules that depend on when the booking is made (a replayed create skips them). */
    static void validateWindow(Create body, Instant now, WindowRules rules) {
        new FieldErrors()
                .check(!body.from().isBefore(now.minus(PAST_TOLERANCE)), "from",
                        "must not lie more than " + PAST_TOLERANCE.toMinutes() + " minutes in the past")
                .check(!body.from().isAfter(now.plus(rules.maxAdvance())), "from",
                        "must lie within " + rules.maxAdvance().toDays() + " days from now")
                .check(!Duration.between(body.from(), body.to()).minus(rules.maxLength()).isPositive(), "to",
                        "a booking lasts at most " + rules.maxLength().toDays() + " days")
                .check(!body.walkIn() || !body.from().isAfter(now.plus(PAST_TOLERANCE)), "from",
                        "a walk-in (pickUpNow) starts now")
                .throwIfAny();
    }

    static void validate(PickUp body) {
        new FieldErrors().require("mileageKm", body.mileageKm())
                .check(body.mileageKm() == null || body.mileageKm() >= 0, "mileageKm", "must not be negative")
                .throwIfAny();
    }

    static void validate(Return body) {
        new FieldErrors().require("mileageKm", body.mileageKm())
                .require("fuelPercent", body.fuelPercent())
                .check(body.mileageKm() == null || body.mileageKm() >= 0, "mileageKm", "must not be negative")
                .check(body.fuelPercent() == null || body.fuelPercent() >= 0 && body.fuelPercent() <= 100,
                        "fuelPercent", "must be between 0 and 100")
                .throwIfAny();
    }

    static void validate(Cancel body) {
        FieldErrors errors = new FieldErrors();
        text(errors, "reason", body.reason(), 500);
        errors.throwIfAny();
    }

    private static void text(FieldErrors errors, String field, String value, int maxLength) {
        errors.require(field, value);
        errors.check(value == null || value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    }

    private static void pattern(FieldErrors errors, String field, String value, Pattern pattern, int maxLength,
                                String message) {
        text(errors, field, value, maxLength);
        errors.check(value == null || value.isBlank() || value.length() > maxLength
                || pattern.matcher(value.trim()).matches(), field, message);
    }
}
