package com.drivenow.booking.support;

import com.drivenow.booking.BookingServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;

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
        Map<String, String> settings = TestServerConfig.common(databaseUrl, amqpUri, namespace, TOKEN);
        settings.put("db.pool.size", "20");
        settings.put("inventory.url", inventoryUrl);
        settings.put("inventory.breaker.delay", "PT0.5S");
        settings.put("consumer.fleet-events.retry-pause", "PT0.05S");
        settings.put("consumer.fleet-events.reconnect-pause", "PT0.2S");
        return new TestBooking(BookingServer.start(TestServerConfig.of(settings)), databaseUrl);
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
