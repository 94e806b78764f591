package com.drivenow.desk.ui;

import com.drivenow.desk.api.GatewayException;

/** The words an agent sees for a failure: gateway failures already carry them; anything else is a bug. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String describe(Exception failure) {
        return failure instanceof GatewayException ? failure.getMessage() : "Unexpected error: " + failure;
    }
}
