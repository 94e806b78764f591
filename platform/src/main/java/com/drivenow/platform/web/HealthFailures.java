package com.drivenow.platform.web;

import java.lang.System.Logger.Level;

/**
 * What a failed health check may say in public: the kind of failure, never its message (which can
 * carry host names, database names or SQL). The full error goes to the server's log.
 */
public final class HealthFailures {

    private static final System.Logger LOG = System.getLogger(HealthFailures.class.getName());

    private HealthFailures() {
    }

    /** Logs {@code error} under {@code check} and returns the text for the health answer. */
    public static String logged(String check, Exception error) {
        LOG.log(Level.WARNING, "Health check '" + check + "' failed", error);
        return "unavailable (" + error.getClass().getSimpleName() + "; see the server log)";
    }
}
