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
        return spaced(format.format(money.amount()), currency.getSymbol(locale));
    }

    /** "CHF89.00" reads as one word; CLDR wants a space between a lettered symbol and the digits. */
    private static String spaced(String text, String symbol) {
        boolean lettered = Character.isLetter(symbol.charAt(symbol.length() - 1));
        if (lettered && text.startsWith(symbol) && text.length() > symbol.length()
                && Character.isDigit(text.charAt(symbol.length()))) {
            return symbol + '\u00a0' + text.substring(symbol.length());
        }
        return text;
    }
}
