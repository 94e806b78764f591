package com.drivenow.desk.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Instants shown in the branch's time zone, whatever the machine's own zone. */
public final class TimeFormat {

    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    public TimeFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("EEE d", locale);
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** Only the time when the instant falls today at the branch, else date and time. */
    public String compact(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        return localDate(instant).equals(localDate(now)) ? time.format(instant) : dateTime.format(instant);
    }

    /** Column header of the planner: "Tue 1". */
    public String dayHeader(LocalDate date) {
        return day.format(date);
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }
}
