package com.drivenow.desk;

import com.drivenow.booking.BookingServer;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarDraft;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.Money;
import com.drivenow.gateway.GatewayServer;
import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The real DriveNow behind the desk: inventory, booking and gateway servers in this JVM on free ports,
 * each on a fresh database, all on one fresh messaging namespace of the test broker, with the gateway's
 * demo accounts (agent/agent, manager/manager). One per test class: starting it takes seconds.
 */
final class RealStack implements AutoCloseable {

    private static final String INTERNAL_TOKEN = "desk-test-internal-token";
    /** A second always-open branch, where one-way rentals from BER-TXL go. */
    static final String ONE_WAY_BRANCH = "MUC-AP";

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
        String namespace = infrastructure.freshNamespace(purpose);
        InventoryServer inventory = InventoryServer.start(TestServerConfig.of(
                server(infrastructure, purpose + "_inventory", namespace)));
        TestBranches.ensure("http://127.0.0.1:" + inventory.port(), INTERNAL_TOKEN, "BER-TXL");
        TestBranches.ensure("http://127.0.0.1:" + inventory.port(), INTERNAL_TOKEN, ONE_WAY_BRANCH);
        Map<String, String> bookingSettings = server(infrastructure, purpose + "_booking", namespace);
        bookingSettings.put("inventory.url", "http://127.0.0.1:" + inventory.port());
        BookingServer booking = BookingServer.start(TestServerConfig.of(bookingSettings));
        GatewayServer gateway = GatewayServer.start(TestServerConfig.of(Map.of(
                "server.host", "127.0.0.1",
                "server.port", "0",
                "messaging.uri", infrastructure.amqp(),
                "messaging.namespace", namespace,
                "internal.token", INTERNAL_TOKEN,
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

    /**
     * An inventory or booking server on a fresh database. Events leave the outbox at once
     * ({@link TestServerConfig#common}), so another desk's change shows within the test's patience.
     */
    private static Map<String, String> server(TestInfrastructure infrastructure, String purpose, String namespace) {
        Map<String, String> settings = TestServerConfig.common(infrastructure.freshDatabase(purpose),
                infrastructure.amqp(), namespace, INTERNAL_TOKEN);
        settings.put("db.pool.size", "4");
        return settings;
    }
}
