package com.drivenow.desk.format;

import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.api.OpeningInterval;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A branch's opening hours in one line, weekdays with the same hours run together, in the branch's own
 * zone: "Mon–Fri 06:00–23:00, Sat–Sun 08:00–20:00 (CET/CEST) · key box after hours".
 */
public final class OpeningHoursText {

    private final Locale locale;
    private final MoneyFormat money;

    public OpeningHoursText(Locale locale) {
        this.locale = locale;
        this.money = new MoneyFormat(locale);
    }

    public String describe(Branch branch, String zoneName) {
        List<String> runs = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        for (int first = 0; first < days.length; ) {
            String hours = hours(branch, days[first]);
            int last = first;
            while (last + 1 < days.length && hours.equals(hours(branch, days[last + 1]))) {
                last++;
            }
            runs.add(name(days[first]) + (last > first ? "–" + name(days[last]) : "") + " " + hours);
            first = last + 1;
        }
        String text = String.join(", ", runs) + " (" + zoneName + ")";
        if (branch.closedDates() != null && !branch.closedDates().isEmpty()) {
            text += " · closed " + branch.closedDates().stream().map(Objects::toString).collect(Collectors.joining(", "));
        }
        return text + (branch.afterHoursReturns() ? " · key box for returns after hours (" + keyBoxFee(branch) + ")"
                : " · no returns after hours");
    }

    private String keyBoxFee(Branch branch) {
        return branch.afterHoursFee() == null ? "fee on the price"
                : money.format(new Money(branch.currency(), new BigDecimal(branch.afterHoursFee())));
    }

    private static String hours(Branch branch, DayOfWeek day) {
        List<OpeningInterval> intervals = branch.openingHours() == null ? null : branch.openingHours().get(day);
        if (intervals == null || intervals.isEmpty()) {
            return "closed";
        }
        if (intervals.size() == 1 && intervals.getFirst().allDay()) {
            return "open 24 h";
        }
        return intervals.stream().map(i -> i.opens() + "–" + (i.closes().toString().equals("00:00") ? "24:00" : i.closes()))
                .collect(Collectors.joining(", "));
    }

    private String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }
}
