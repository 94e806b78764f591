package com.drivenow.gateway;

import java.util.List;

/** A production configuration that still uses a demo secret: the gateway refuses to start. */
public final class InsecureConfigurationException extends RuntimeException {

    InsecureConfigurationException(List<String> demoSecrets) {
        super("Refusing to start in production with demo secrets: " + String.join("; ", demoSecrets)
                + ". Set real values (the keys are described in the gateway's application.yaml).");
    }
}
