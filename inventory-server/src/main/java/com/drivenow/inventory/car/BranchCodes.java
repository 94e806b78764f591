package com.drivenow.inventory.car;

import com.drivenow.platform.web.FieldErrors;

import java.util.Locale;
import java.util.regex.Pattern;

/** Branch codes such as BER-TXL: letters, digits and dashes, upper case, at most 20 characters. */
public final class BranchCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*");
    private static final int MAX_LENGTH = 20;

    private BranchCodes() {
    }

    /** The code in upper case (null when absent or invalid, with the error added under {@code field}). */
    public static String validate(String field, String raw, FieldErrors errors) {
        errors.require(field, raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        errors.check(code.length() <= MAX_LENGTH && CODE.matcher(code).matches(), field,
                "must be a branch code of letters, digits and dashes, such as BER-TXL");
        return code;
    }
}
