package com.drivenow.booking.pricing;

/** A charge on top of the days, such as a one-way or after-hours fee: a line of the price. */
public record Fee(String name, Money amount) {
}
