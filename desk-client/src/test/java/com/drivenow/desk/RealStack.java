package com.drivenow.desk;

import com.drivenow.booking.BookingServer;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarDraft;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.Money;
import com.drivenow.gateway.GatewayServer;
import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real DriveNow behind the desk: inventory, booking and gateway servers in this JVM on free ports,
 * each on a fresh database, all on one fresh messaging namespace of the test broker, with the gateway's
 * demo accounts (agent/agent, manager/manager). One per test class: starting it takes seconds.
 */
final class RealStack implements AutoCloseable {

    private static final String INTERNAL_TOKEN = "desk-test-internal-token";

    private final InventoryServer inventory;
    private final BookingServer booking;
    private final GatewayServer gateway;

    private RealStack(InventoryServer inventory, BookingServer booking, GatewayServer gateway) {
        this.inventory = inventory;
        this.booking = booking;
        this.gateway = gateway;
    }

    static RealStack start(String purpose) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, String> shared = Map.of(
                "server.host", "127.0.0.1",
                "server.port", "0",
                "messaging.uri", infrastructure.amqp(),
                "messaging.namespace", infrastructure.freshNamespace(purpose),
                "internal.token", INTERNAL_TOKEN,
                // Events leave the outbox at once, so another desk's change shows within the test's patience.
                "outbox.relay.idle-poll", "PT0.05S");
        InventoryServer inventory = InventoryServer.start(config(shared, database(infrastructure, purpose + "_inventory")));
        BookingServer booking = BookingServer.start(config(shared, database(infrastructure, purpose + "_booking"),
                Map.of("inventory.url", "http://127.0.0.1:" + inventory.port())));
        GatewayServer gateway = GatewayServer.start(config(shared, Map.of(
                "upstream.inventory", "http://127.0.0.1:" + inventory.port(),
                "upstream.booking", "http://127.0.0.1:" + booking.port())));
        return new RealStack(inventory, booking, gateway);
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** Another desk (or a script) working through the public API, signed in as {@code user}/{@code user}. */
    GatewayClient anotherDesk(String user) {
        GatewayClient client = new GatewayClient(gateway());
        client.signIn(user, user);
        return client;
    }

    /** Adds cars through the gateway as a fleet manager would. */
    List<Car> seed(List<CarDraft> cars) {
        GatewayClient manager = anotherDesk("manager");
        return cars.stream().map(manager::addCar).toList();
    }

    static CarDraft car(String plate, String make, String model, String category, String location, String dailyRate) {
        return new CarDraft(plate, make, model, 2024, category, 5, "MANUAL", "PETROL",
                new Money("EUR", new BigDecimal(dailyRate)), location, 24_500);
    }

    @Override
    public void close() {
        gateway.close();
        booking.close();
        inventory.close();
    }

    private static Map<String, String> database(TestInfrastructure infrastructure, String purpose) {
        return Map.of("db.connection.url", infrastructure.freshDatabase(purpose),
                "db.connection.username", "",
                "db.connection.password", "",
                "db.pool.size", "4");
    }

    @SafeVarargs
    private static Config config(Map<String, String>... parts) {
        Map<String, String> settings = new HashMap<>();
        for (Map<String, String> part : parts) {
            settings.putAll(part);
        }
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings))
                .build();
    }
}
