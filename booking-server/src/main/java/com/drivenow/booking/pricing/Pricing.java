package com.drivenow.booking.pricing;

import java.time.Duration;
import java.time.Instant;

/** The tariff: the car's daily rate times every started day, in exact decimal arithmetic. */
public final class Pricing {

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private Pricing() {
    }

    /** Started days of {@code [from, to)}: exactly 3 days is 3, 3 days and a second is 4. */
    public static long startedDays(Instant from, Instant to) {
        Duration length = Duration.between(from, to);
        if (length.isNegative() || length.isZero()) {
            return 0;
        }
        long seconds = length.toSeconds() + (length.toNanosPart() > 0 ? 1 : 0);
        return (seconds + DAY_SECONDS - 1) / DAY_SECONDS;
    }

    /** The price of a booked window, before the car is back. */
    public static Quote quote(Money dailyRate, Instant from, Instant to) {
        return charge(dailyRate, startedDays(from, to), 0);
    }

    /** The final price of a rental returned at {@code returnedAt}: late started days are added. */
    public static Quote finalPrice(Money dailyRate, Instant from, Instant to, Instant returnedAt) {
        return charge(dailyRate, startedDays(from, to), startedDays(to, returnedAt));
    }

    public static Quote charge(Money dailyRate, long days, long lateDays) {
        Money total = dailyRate.times(days + lateDays);
        String description = days + (days == 1 ? " day" : " days") + " x " + dailyRate
                + (lateDays == 0 ? "" : " + " + lateDays + (lateDays == 1 ? " late day" : " late days") + " x " + dailyRate);
        return new Quote(total, new PriceBreakdown(dailyRate, days, lateDays, description));
    }

    /** A price and how it was reached (the {@code price} and {@code priceBreakdown} of a booking's JSON). */
    public record Quote(Money price, PriceBreakdown priceBreakdown) {
    }
}
