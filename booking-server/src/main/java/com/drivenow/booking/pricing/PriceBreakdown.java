package com.drivenow.booking.pricing;

import java.util.List;

/**
 * How a price was computed: {@code days} started days of the booked window plus {@code lateDays}
 * started days past its end, each at {@code dailyRate}, plus the {@code fees} of the route.
 */
public record PriceBreakdown(Money dailyRate, long days, long lateDays, List<Fee> fees, String description) {
}
