package com.drivenow.desk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A branch as {@code GET /api/v1/branches} gives it: opening hours are local wall-clock times in
 * {@code timeZone}; a weekday not listed is closed; {@code afterHoursReturns} means a key box takes
 * returns outside the hours for {@code afterHoursFee} (in {@code currency}).
 */
public record Branch(String code, String name, String address, String timeZone, String country, String currency,
                     Map<DayOfWeek, List<OpeningInterval>> openingHours, List<LocalDate> closedDates,
                     boolean afterHoursReturns, String afterHoursFee, long version, Instant createdAt, Instant updatedAt) {

    @JsonIgnore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** How pickers show it: "Berlin Tegel Airport (BER-TXL)". */
    @JsonIgnore
    public String label() {
        return name == null || name.isBlank() ? code : name + " (" + code + ")";
    }
}
