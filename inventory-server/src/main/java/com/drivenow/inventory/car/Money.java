package com.drivenow.inventory.car;

/** Money on the wire: {@code {"currency":"EUR","amount":"45.00"}}, the amount a decimal string. */
public record Money(String currency, String amount) {
}
