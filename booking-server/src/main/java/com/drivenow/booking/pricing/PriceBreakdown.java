package com.drivenow.booking.pricing;

/**
 * How a price was computed: {@code days} started days of the booked window plus {@code lateDays}
 * started days past its end, each at {@code dailyRate}.
 */
public record PriceBreakdown(Money dailyRate, long days, long lateDays, String description) {
}
