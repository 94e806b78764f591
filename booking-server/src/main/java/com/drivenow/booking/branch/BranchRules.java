package com.drivenow.booking.branch;

import com.drivenow.booking.pricing.Money;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the booking server needs of a branch (from the inventory server's branch events): when its
 * counter is open, in its own time zone, and whether a key box takes returns after hours.
 */
public record BranchRules(String code, ZoneId zone, Map<DayOfWeek, List<Interval>> hours, Set<LocalDate> closedDates,
                          boolean afterHoursReturns, Money afterHoursFee, long version, JsonNode json) {

    /** Open from {@code opens} to {@code closes} (exclusive; 00:00 is midnight at the end of the day). */
    public record Interval(LocalTime opens, LocalTime closes) {

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
        }

        @Override
        public String toString() {
            return opens + "-" + closes;
        }
    }

    /** Reads the inventory server's public Branch JSON; a branch missing a field we need is refused. */
    public static BranchRules fromJson(JsonNode branch) {
        if (branch == null || !branch.isObject() || !branch.hasNonNull("code") || !branch.hasNonNull("timeZone")
                || !branch.hasNonNull("openingHours") || !branch.hasNonNull("version")) {
            throw new IllegalArgumentException("branch needs code, timeZone, openingHours and version");
        }
        Map<DayOfWeek, List<Interval>> hours = new EnumMap<>(DayOfWeek.class);
        branch.get("openingHours").fields().forEachRemaining(day -> {
            List<Interval> intervals = new ArrayList<>();
            day.getValue().forEach(i -> intervals.add(new Interval(LocalTime.parse(i.get("opens").asText()),
                    LocalTime.parse(i.get("closes").asText()))));
            hours.put(DayOfWeek.valueOf(day.getKey()), List.copyOf(intervals));
        });
        Set<LocalDate> closed = new HashSet<>();
        branch.path("closedDates").forEach(d -> closed.add(LocalDate.parse(d.asText())));
        String currency = branch.path("currency").asText("EUR");
        return new BranchRules(branch.get("code").asText(), ZoneId.of(branch.get("timeZone").asText()), hours,
                Set.copyOf(closed), branch.path("afterHoursReturns").asBoolean(false),
                new Money(currency, new BigDecimal(branch.path("afterHoursFee").asText("0.00"))),
                branch.get("version").asLong(), branch);
    }

    /** Empty when the counter is open at {@code at}; else why not, naming the hours of that day. */
    public Optional<String> closedAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDates.contains(local.toLocalDate())) {
            return Optional.of(code + " is closed all day on " + local.toLocalDate() + " (" + zone.getId() + ")");
        }
        List<Interval> today = hours.getOrDefault(local.getDayOfWeek(), List.of());
        if (today.stream().anyMatch(i -> i.contains(local.toLocalTime()))) {
            return Optional.empty();
        }
        String day = local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String open = today.isEmpty() ? "closed all day"
                : "open " + today.stream().map(Interval::toString).collect(Collectors.joining(", "));
        return Optional.of(code + " is " + open + " on " + day + "s (" + zone.getId() + "); "
                + local.toLocalTime().withNano(0) + " local time is outside");
    }
}
