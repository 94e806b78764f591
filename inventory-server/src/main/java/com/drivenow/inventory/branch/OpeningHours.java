package com.drivenow.inventory.branch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a branch's counter is open, per weekday, as wall-clock times in the branch's own time zone
 * (so a DST change moves nothing): {@code {"MONDAY":[{"opens":"08:00","closes":"18:00"}], ...}}.
 * A weekday not listed, or with no interval, is closed all day.
 */
public record OpeningHours(Map<DayOfWeek, List<Interval>> days) {

    /**
     * Open from {@code opens} (inclusive) to {@code closes} (exclusive), on the same day, written
     * "HH:mm"; {@code closes} "00:00" is midnight at the end of the day, so 00:00 to 00:00 is all day.
     */
    public record Interval(@JsonFormat(pattern = "HH:mm") LocalTime opens, @JsonFormat(pattern = "HH:mm") LocalTime closes) {

        boolean untilMidnight() {
            return closes.equals(LocalTime.MIDNIGHT);
        }

        boolean opensBeforeItCloses() {
            return untilMidnight() || opens.isBefore(closes);
        }
    }

    @JsonCreator
    public static OpeningHours of(Map<DayOfWeek, List<Interval>> days) {
        return new OpeningHours(days == null ? null : new EnumMap<>(days));
    }

    @JsonValue
    @Override
    public Map<DayOfWeek, List<Interval>> days() {
        return days;
    }
}
