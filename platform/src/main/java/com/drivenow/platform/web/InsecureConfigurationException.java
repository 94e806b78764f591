package com.drivenow.platform.web;

import java.util.List;

/** A production configuration that is not safe to run (demo or weak secrets, plain HTTP): the server refuses to start. */
public final class InsecureConfigurationException extends RuntimeException {

    public InsecureConfigurationException(List<String> problems) {
        super("Refusing to start in production: " + String.join("; ", problems)
                + ". Set real values (the keys are described in the server's application.yaml).");
    }
}
