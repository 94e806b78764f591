package com.drivenow.booking.rental;

import java.math.BigDecimal;

/** The company's one-way policy (configuration): offered or not, and its fee in the booking's currency. */
public record OneWayRules(boolean allowed, BigDecimal fee) {
}
