package com.drivenow.inventory.branch;

import com.drivenow.inventory.car.BranchCodes;
import com.drivenow.inventory.car.Money;
import com.drivenow.inventory.car.MoneyFields;
import com.drivenow.platform.web.FieldErrors;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks every field of a {@link BranchDraft} and answers one 400 that lists all invalid ones. */
final class BranchValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 200;

    BranchSpec validate(BranchDraft draft) {
        FieldErrors errors = new FieldErrors();
        String code = BranchCodes.validate("code", draft.code(), errors);
        String name = text("name", draft.name(), errors);
        String address = text("address", draft.address(), errors);
        ZoneId zone = zone(draft.timeZone(), errors);
        String country = country(draft.country(), errors);
        String currency = MoneyFields.currencyCode("currency", draft.currency(), errors);
        OpeningHours hours = hours(draft.openingHours(), errors);
        List<LocalDate> closed = draft.closedDates() == null ? List.of()
                : List.copyOf(new TreeSet<>(draft.closedDates().stream().filter(d -> d != null).toList()));
        errors.check(draft.closedDates() == null || !draft.closedDates().contains(null), "closedDates",
                "must be dates such as 2026-12-25");
        boolean afterHours = Boolean.TRUE.equals(draft.afterHoursReturns());
        BigDecimal fee = draft.afterHoursFee() == null ? null
                : MoneyFields.amount("afterHoursFee", new Money(currency, draft.afterHoursFee()), errors);
        errors.throwIfAny();
        return new BranchSpec(code, name, address, zone, country, currency, hours, closed, afterHours,
                fee == null ? BigDecimal.ZERO.setScale(2) : fee);
    }

    private static String text(String field, String raw, FieldErrors errors) {
        errors.require(field, raw);
        errors.check(raw == null || raw.trim().length() <= MAX_TEXT, field, "must be at most " + MAX_TEXT + " characters");
        return raw == null ? null : raw.trim();
    }

    private static ZoneId zone(String raw, FieldErrors errors) {
        errors.require("timeZone", raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(raw.trim());
            errors.check(zone.getId().contains("/") || zone.getId().equals("UTC"), "timeZone",
                    "must be an IANA time zone such as Europe/Berlin, not an offset");
            return zone;
        } catch (DateTimeException e) {
            errors.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
            return null;
        }
    }

    private static String country(String raw, FieldErrors errors) {
        errors.require("country", raw);
        String code = raw == null ? null : raw.trim();
        errors.check(code == null || COUNTRIES.contains(code), "country",
                "must be an ISO 3166 country code such as DE");
        return code;
    }

    /** Every interval opens before it closes, and the intervals of a day do not overlap. */
    private static OpeningHours hours(OpeningHours raw, FieldErrors errors) {
        errors.require("openingHours", raw);
        if (raw == null || raw.days() == null) {
            return null;
        }
        for (Map.Entry<DayOfWeek, List<OpeningHours.Interval>> day : raw.days().entrySet()) {
            String field = "openingHours." + day.getKey();
            List<OpeningHours.Interval> intervals = new ArrayList<>(day.getValue() == null ? List.of() : day.getValue());
            if (intervals.stream().anyMatch(i -> i == null || i.opens() == null || i.closes() == null)) {
                errors.add(field, "each interval needs opens and closes, such as {\"opens\":\"08:00\",\"closes\":\"18:00\"}");
                continue;
            }
            intervals.sort(Comparator.comparing(OpeningHours.Interval::opens));
            for (int i = 0; i < intervals.size(); i++) {
                OpeningHours.Interval interval = intervals.get(i);
                errors.check(interval.opensBeforeItCloses(), field, "opens must be before closes (00:00 for midnight)");
                OpeningHours.Interval previous = i == 0 ? null : intervals.get(i - 1);
                errors.check(previous == null || !previous.untilMidnight() && !interval.opens().isBefore(previous.closes()),
                        field, "intervals must not overlap");
            }
        }
        return raw;
    }
}
