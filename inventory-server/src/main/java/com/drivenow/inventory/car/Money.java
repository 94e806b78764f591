package com.drivenow.inventory.car;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/** Money on the wire: {@code {"currency":"EUR","amount":"45.00"}}, the amount a decimal string. */
public record Money(String currency, @JsonDeserialize(using = Money.DecimalString.class) String amount) {

    /** Refuses a JSON number for the amount: binary floating point is not how money travels. */
    static final class DecimalString extends StdDeserializer<String> {

        DecimalString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.reportInputMismatch(String.class,
                        "the amount must be a decimal string such as \"45.00\"");
            }
            return parser.getText();
        }
    }
}
