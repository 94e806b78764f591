package com.drivenow.booking.pricing;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of a currency; on the wire {@code {"currency":"EUR","amount":"123.45"}} (a decimal string). */
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    public Money times(long factor) {
        return new Money(currency, amount.multiply(BigDecimal.valueOf(factor)));
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
