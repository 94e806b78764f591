package com.drivenow.booking.pricing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The tariff: the car's daily rate times every started day, in exact decimal arithmetic. */
public final class Pricing {

    private Pricing() {
    }

    /**
     * Started days of {@code [from, to)} on the calendar of {@code zone} (the pick-up branch's): a
     * day is from a wall-clock time to the same time the next day, so Saturday 10:00 to Monday 10:00
     * is 2 days also across a DST change (47 or 49 hours); 2 days and a minute is 3.
     */
    public static long startedDays(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return 0;
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        long days = ChronoUnit.DAYS.between(start, end);
        return start.plusDays(days).isBefore(end) ? days + 1 : days;
    }

    /** The price of a booked window, before the car is back. */
    public static Quote quote(Money dailyRate, Instant from, Instant to, ZoneId zone) {
        return quote(dailyRate, from, to, zone, List.of());
    }

    /** The price of a booked window with the fees of its route. */
    public static Quote quote(Money dailyRate, Instant from, Instant to, ZoneId zone, List<Fee> fees) {
        return charge(dailyRate, startedDays(from, to, zone), 0, fees);
    }

    /** The final price of a rental returned at {@code returnedAt}: late started days are added. */
    public static Quote finalPrice(PriceBreakdown booked, Instant from, Instant to, Instant returnedAt, ZoneId zone) {
        return charge(booked.dailyRate(), startedDays(from, to, zone), startedDays(to, returnedAt, zone), booked.fees());
    }

    public static Quote charge(Money dailyRate, long days, long lateDays, List<Fee> fees) {
        Money total = dailyRate.times(days + lateDays);
        StringBuilder description = new StringBuilder(days + (days == 1 ? " day" : " days") + " x " + dailyRate
                + (lateDays == 0 ? "" : " + " + lateDays + (lateDays == 1 ? " late day" : " late days") + " x " + dailyRate));
        for (Fee fee : fees) {
            total = total.plus(fee.amount());
            description.append(" + ").append(fee.name()).append(' ').append(fee.amount());
        }
        return new Quote(total, new PriceBreakdown(dailyRate, days, lateDays, List.copyOf(fees), description.toString()));
    }

    /** A price and how it was reached (the {@code price} and {@code priceBreakdown} of a booking's JSON). */
    public record Quote(Money price, PriceBreakdown priceBreakdown) {
    }
}
