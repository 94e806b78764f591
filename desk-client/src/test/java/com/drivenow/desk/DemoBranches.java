package com.drivenow.desk;

import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.OpeningInterval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Branches as the gateway lists them, for the contract fake and screens built without a gateway. */
public final class DemoBranches {

    private DemoBranches() {
    }

    /** Open around the clock, every day, with a key box (it is never used: the counter never closes). */
    public static Branch alwaysOpen(String code, String name, String zone) {
        return branch(code, name, zone, "00:00", "00:00", "00:00", "00:00", true);
    }

    /** Weekday and weekend hours in the branch's zone; {@code keyBox}: returns after hours for a 25.00 fee. */
    public static Branch branch(String code, String name, String zone, String weekdayOpens, String weekdayCloses,
                                String weekendOpens, String weekendCloses, boolean keyBox) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            hours.put(day, List.of(new OpeningInterval(LocalTime.parse(weekend ? weekendOpens : weekdayOpens),
                    LocalTime.parse(weekend ? weekendCloses : weekdayCloses))));
        }
        return new Branch(code, name, name + " " + code, zone, "DE", "EUR", hours, List.of(), keyBox, "25.00", 1,
                Instant.EPOCH, Instant.EPOCH);
    }
}
