package com.drivenow.desk.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;

/** An amount in one currency; the wire carries the amount as a decimal string. */
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public Money minus(Money other) {
        return new Money(currency, amount.subtract(other.amount));
    }

    public Money times(long factor) {
        return new Money(currency, amount.multiply(BigDecimal.valueOf(factor)));
    }

    @JsonIgnore // a question about the amount, not a field of the wire format
    public boolean isPositive() {
        return amount.signum() > 0;
    }
}
