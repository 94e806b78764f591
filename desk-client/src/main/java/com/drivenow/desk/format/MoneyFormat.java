package com.drivenow.desk.format;

import com.drivenow.desk.api.Money;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money in the desk's locale, in the amount's own currency (a German desk shows "1.234,50 €"). */
public final class MoneyFormat {

    private final Locale locale;

    public MoneyFormat(Locale locale) {
        this.locale = locale;
    }

    public String format(Money money) {
        if (money == null || money.amount() == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(money.amount());
    }
}
