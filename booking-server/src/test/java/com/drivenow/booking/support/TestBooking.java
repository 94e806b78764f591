package com.drivenow.booking.support;

import com.drivenow.booking.BookingServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.HashMap;
import java.util.Map;

/** A real booking server for one test class: fresh database, the given namespace and inventory. */
public final class TestBooking implements AutoCloseable {

    public static final String TOKEN = "test-internal-token";

    private final BookingServer server;
    private final String databaseUrl;
    private final Http http;

    private TestBooking(BookingServer server, String databaseUrl) {
        this.server = server;
        this.databaseUrl = databaseUrl;
        this.http = new Http(server.port(), TOKEN);
    }

    public static TestBooking start(String purpose, String namespace, String amqpUri, String inventoryUrl) {
        String databaseUrl = TestInfrastructure.get().freshDatabase(purpose);
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("server.host", "localhost");
        settings.put("db.connection.url", databaseUrl);
        settings.put("db.connection.username", "");
        settings.put("db.connection.password", "");
        settings.put("db.pool.size", "20");
        settings.put("messaging.uri", amqpUri);
        settings.put("messaging.namespace", namespace);
        settings.put("internal.token", TOKEN);
        settings.put("inventory.url", inventoryUrl);
        settings.put("inventory.breaker.delay-ms", "500");
        settings.put("outbox.relay.idle-poll", "PT0.05S");
        settings.put("outbox.relay.broker-down-pause", "PT0.2S");
        settings.put("consumer.fleet-events.retry-pause", "PT0.05S");
        settings.put("consumer.fleet-events.reconnect-pause", "PT0.2S");
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings), ConfigSources.classpath("application.yaml"))
                .build();
        return new TestBooking(BookingServer.start(config), databaseUrl);
    }

    public Http http() {
        return http;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
