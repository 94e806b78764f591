package com.drivenow.desk.api;

/** A line of a price on top of the days: a one-way fee, an after-hours (key box) return. */
public record Fee(String name, Money amount) {
}
