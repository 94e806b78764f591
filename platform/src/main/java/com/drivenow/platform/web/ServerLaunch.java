package com.drivenow.platform.web;

import java.util.function.Supplier;

/** How every server's main starts it: an insecure production configuration ends the process with code 2. */
public final class ServerLaunch {

    private ServerLaunch() {
    }

    public static <T> T start(Supplier<T> server) {
        try {
            return server.get();
        } catch (InsecureConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
