package com.drivenow.desk.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Instants shown in one branch's time zone, whatever the machine's own zone. {@link #in(ZoneId)} gives the
 * same format in another branch's zone; {@link #zoned(Instant)} adds the zone's short name ("CEST").
 */
public final class TimeFormat {

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    private final DateTimeFormatter zoneName;

    public TimeFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("EEE d", locale);
        this.zoneName = DateTimeFormatter.ofPattern("zzz", locale).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same format in another zone (this one when it is the same). */
    public TimeFormat in(ZoneId other) {
        return other.equals(zone) ? this : new TimeFormat(other, locale);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** Date, time and the zone's short name at that instant: "28 Mar 2027, 10:00 CET", a day later "… CEST". */
    public String zoned(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " " + zoneName(instant);
    }

    /** The zone's short name at that instant ("CET" in winter, "CEST" in summer). */
    public String zoneName(Instant instant) {
        return zoneName.format(instant);
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
