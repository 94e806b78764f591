package com.drivenow.platform.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * A server's configuration over its own {@code application.yaml}, the one place its defaults live:
 * code reads every key as required. The file is taken from the server's own jar (or classes folder),
 * not the first {@code application.yaml} on the class path, so a test that starts several servers in
 * one JVM gives each its own defaults.
 */
public final class ServerDefaults {

    private ServerDefaults() {
    }

    public static Config under(Class<?> server, Config overrides) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(overrides), ConfigSources.url(applicationYamlOf(server)))
                .build();
    }

    private static URL applicationYamlOf(Class<?> server) {
        URL root = server.getProtectionDomain().getCodeSource().getLocation();
        try {
            return root.getPath().endsWith(".jar")
                    ? new URI("jar:" + root + "!/application.yaml").toURL()
                    : root.toURI().resolve("application.yaml").toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("Cannot locate the application.yaml of " + server.getName(), e);
        }
    }
}
