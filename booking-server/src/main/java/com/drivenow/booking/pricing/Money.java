package com.drivenow.booking.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of a currency; on the wire {@code {"currency":"EUR","amount":"123.45"}} (a decimal string). */
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Reads the wire form back (stored price lines): the amount is a decimal string. */
    @JsonCreator
    static Money read(@JsonProperty("currency") String currency, @JsonProperty("amount") String amount) {
        return new Money(currency, new BigDecimal(amount));
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other + " to " + this);
        }
        return new Money(currency, amount.add(other.amount));
    }

    public Money times(long factor) {
        return new Money(currency, amount.multiply(BigDecimal.valueOf(factor)));
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
