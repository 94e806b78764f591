package com.drivenow.inventory.car;

import com.drivenow.platform.web.FieldErrors;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Reads a {@link Money} field of a request: an ISO 4217 currency and a decimal string of at most 2 decimals. */
public final class MoneyFields {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(?:\\.\\d{1,2})?");

    private MoneyFields() {
    }

    /** The currency of {@code money} (null when absent or invalid, with the error added). */
    public static String currency(String field, Money money, FieldErrors errors) {
        if (money == null) {
            return null;
        }
        return currencyCode(field + ".currency", money.currency(), errors);
    }

    /** An ISO 4217 code such as EUR (null when absent or invalid, with the error added). */
    public static String currencyCode(String field, String raw, FieldErrors errors) {
        errors.require(field, raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.trim();
        errors.check(code.matches("[A-Z]{3}") && isIsoCurrency(code), field,
                "must be an ISO 4217 currency code such as EUR");
        return code;
    }

    /** The amount of {@code money}, 0 or more, scale 2 (null when absent or invalid, with the error added). */
    public static BigDecimal amount(String field, Money money, FieldErrors errors) {
        if (money == null) {
            return null;
        }
        errors.require(field + ".amount", money.amount());
        if (money.amount() == null || money.amount().isBlank()) {
            return null;
        }
        String text = money.amount().trim();
        if (!AMOUNT.matcher(text).matches()) {
            errors.add(field + ".amount", "must be a decimal string with at most 2 decimals, such as \"45.00\"");
            return null;
        }
        return new BigDecimal(text).setScale(2);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
