package com.drivenow.inventory.car;

import com.drivenow.platform.web.FieldErrors;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks every field of a {@link CarDraft} and answers one 400 that lists all invalid ones. */
public final class CarValidator {

    public static final int FIRST_YEAR = 1990;
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9](?:[A-Z0-9 -]{0,13}[A-Z0-9])?");
    private static final int MAX_NAME_LENGTH = 60;

    private final Clock clock;

    public CarValidator(Clock clock) {
        this.clock = clock;
    }

    public CarSpec validate(CarDraft draft) {
        FieldErrors errors = new FieldErrors();
        String plate = plate(draft.plate(), errors);
        String make = name("make", draft.make(), errors);
        String model = name("model", draft.model(), errors);
        int lastYear = Year.now(clock).getValue() + 1;
        errors.require("year", draft.year());
        if (draft.year() != null) {
            errors.check(draft.year() >= FIRST_YEAR && draft.year() <= lastYear, "year",
                    "must be between " + FIRST_YEAR + " and " + lastYear);
        }
        Category category = oneOf("category", draft.category(), Category.class, errors);
        errors.require("seats", draft.seats());
        if (draft.seats() != null) {
            errors.check(draft.seats() >= 1 && draft.seats() <= 9, "seats", "must be between 1 and 9");
        }
        Transmission transmission = oneOf("transmission", draft.transmission(), Transmission.class, errors);
        FuelType fuelType = oneOf("fuelType", draft.fuelType(), FuelType.class, errors);
        errors.require("dailyRate", draft.dailyRate());
        String currency = MoneyFields.currency("dailyRate", draft.dailyRate(), errors);
        BigDecimal amount = MoneyFields.amount("dailyRate", draft.dailyRate(), errors);
        errors.check(amount == null || amount.signum() > 0, "dailyRate.amount", "must be more than 0");
        String location = location(draft.location(), errors);
        long mileage = draft.mileageKm() == null ? 0 : draft.mileageKm();
        errors.check(mileage >= 0, "mileageKm", "must be 0 or more");
        errors.throwIfAny();
        return new CarSpec(plate, make, model, draft.year(), category, draft.seats(), transmission, fuelType,
                currency, amount, location, mileage);
    }

    /** Plates are compared upper-case with single spaces, so "b-dn  1234" and "B-DN 1234" are one car. */
    static String normalisePlate(String plate) {
        return plate.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static String plate(String raw, FieldErrors errors) {
        errors.require("plate", raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String plate = normalisePlate(raw);
        errors.check(PLATE.matcher(plate).matches(), "plate",
                "must be 1 to 15 letters, digits, spaces or dashes, starting and ending with a letter or digit");
        return plate;
    }

    private static String name(String field, String raw, FieldErrors errors) {
        errors.require(field, raw);
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        errors.check(value.length() <= MAX_NAME_LENGTH, field, "must be at most " + MAX_NAME_LENGTH + " characters");
        return value;
    }

    private static <E extends Enum<E>> E oneOf(String field, String raw, Class<E> type, FieldErrors errors) {
        errors.require(field, raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String location(String raw, FieldErrors errors) {
        return BranchCodes.validate("location", raw, errors);
    }
}
