package com.drivenow.gateway.endtoend;

import com.drivenow.booking.BookingServer;
import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import io.helidon.config.Config;

import java.util.Map;

/**
 * The real system in one JVM for end-to-end tests through the gateway: inventory and booking
 * servers on fresh databases, the gateway in front, all on the test broker under one namespace.
 * The inventory server can be stopped and started again on the same port and database.
 */
final class RealSystem implements AutoCloseable {

    private static final String TOKEN = "e2e-internal-token";

    private final String namespace;
    private final String inventoryDatabase;
    private int inventoryPort;
    private InventoryServer inventory;
    private final BookingServer booking;
    private final GatewayServer gateway;
    private final Http http;

    RealSystem(String purpose) {
        this(purpose, Map.of(), "{}");
    }

    /** With {@code gatewaySettings} and {@code gatewayYaml} (lists: API keys) over the gateway's test configuration. */
    RealSystem(String purpose, Map<String, String> gatewaySettings, String gatewayYaml) {
        TestInfrastructure infra = TestInfrastructure.get();
        namespace = infra.freshNamespace(purpose);
        inventoryDatabase = infra.freshDatabase(purpose + "_inventory");
        startInventory();
        booking = BookingServer.start(config(infra.freshDatabase(purpose + "_booking"), Map.of(
                "inventory.url", "http://127.0.0.1:" + inventoryPort,
                "inventory.breaker.delay", "PT0.5S",
                "consumer.fleet-events.reconnect-pause", "PT0.2S")));
        Map<String, String> gatewayConfig = TestGateway.baseConfig("unused", namespace);
        gatewayConfig.put("upstream.inventory", "http://127.0.0.1:" + inventoryPort);
        gatewayConfig.put("upstream.booking", "http://127.0.0.1:" + booking.port());
        gatewayConfig.put("internal.token", TOKEN);
        gatewayConfig.putAll(gatewaySettings);
        gateway = TestGateway.start(gatewayConfig, gatewayYaml);
        http = new Http(gateway.port());
    }

    void stopInventory() {
        inventory.close();
    }

    void startInventory() {
        inventory = InventoryServer.start(config(inventoryDatabase, Map.of(
                "server.port", String.valueOf(inventoryPort),
                "consumer.booking-events.reconnect-pause", "PT0.2S")));
        inventoryPort = inventory.port();
        TestBranches.ensure("http://127.0.0.1:" + inventoryPort, TOKEN, "BER-TXL");
    }

    private Config config(String databaseUrl, Map<String, String> specific) {
        Map<String, String> settings = TestServerConfig.common(databaseUrl, TestInfrastructure.get().amqp(), namespace, TOKEN);
        settings.put("db.pool.size", "8");
        settings.putAll(specific);
        return TestServerConfig.of(settings);
    }

    /** Booking events the (current) inventory server has applied since it started. */
    long inventoryAppliedEvents() {
        return inventory.consumerStats().applied();
    }

    Http http() {
        return http;
    }

    /** The booking server's own address, to show that it holds its rules even without the gateway. */
    String bookingUrl() {
        return "http://127.0.0.1:" + booking.port();
    }

    String internalToken() {
        return TOKEN;
    }

    GatewayServer gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        booking.close();
        inventory.close();
    }
}
