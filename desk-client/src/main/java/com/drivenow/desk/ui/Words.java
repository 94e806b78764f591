package com.drivenow.desk.ui;

import javafx.util.StringConverter;

import java.util.Locale;
import java.util.Set;

/** Wire codes in words an agent reads: "NEEDS_ATTENTION" is shown as "Needs attention", "SUV" stays "SUV". */
public final class Words {

    private static final Set<String> ACRONYMS = Set.of("SUV", "EUR", "USD", "GBP", "CHF");

    private Words() {
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (ACRONYMS.contains(code)) {
            return code;
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** For combo boxes over codes; null (the "any" choice) is shown as {@code none}. */
    public static StringConverter<String> converter(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? none : of(code);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("read-only choice");
            }
        };
    }
}
