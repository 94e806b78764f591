package com.drivenow.localstack.testing;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration tests start a DriveNow server with in-process: the keys every test harness
 * shares, so they are written once, and a {@link Config} that ignores the machine's environment
 * and system properties, so a developer's shell cannot change what a test runs against.
 */
public final class TestServerConfig {

    private TestServerConfig() {
    }

    /**
     * Port 0 on the loopback address, the given database (credentials in its URL), broker,
     * namespace and internal token, and an outbox relay that polls and retries fast. A mutable
     * map: the caller adds the server's own keys (pool size, consumer pauses, upstream URLs).
     */
    public static Map<String, String> common(String databaseUrl, String amqpUri, String namespace, String internalToken) {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("server.host", "127.0.0.1");
        settings.put("db.connection.url", databaseUrl);
        settings.put("db.connection.username", "");
        settings.put("db.connection.password", "");
        settings.put("messaging.uri", amqpUri);
        settings.put("messaging.namespace", namespace);
        settings.put("internal.token", internalToken);
        settings.put("outbox.relay.idle-poll", "PT0.05S");
        settings.put("outbox.relay.broker-down-pause", "PT0.2S");
        return settings;
    }

    /** These settings; the server takes everything else from its own application.yaml. */
    public static Config of(Map<String, String> settings) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings))
                .build();
    }
}
