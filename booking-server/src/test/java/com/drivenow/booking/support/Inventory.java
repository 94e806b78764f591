package com.drivenow.booking.support;

import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The real inventory server, in-process, on its own fresh database; it can be stopped and started
 * again on the same database and namespace (and on the same port, so the booking server finds it).
 */
public final class Inventory implements AutoCloseable {

    private final String databaseUrl;
    private final String namespace;
    private final String amqpUri;
    private InventoryServer server;
    private int port;
    private Http http;

    private Inventory(String databaseUrl, String namespace, String amqpUri) {
        this.databaseUrl = databaseUrl;
        this.namespace = namespace;
        this.amqpUri = amqpUri;
    }

    public static Inventory start(String purpose, String namespace, String amqpUri) {
        Inventory inventory = new Inventory(TestInfrastructure.get().freshDatabase(purpose + "_inv"), namespace, amqpUri);
        inventory.startAgain();
        return inventory;
    }

    /** A second inventory server on this one's database and namespace: a replica. */
    public Inventory replica() {
        Inventory replica = new Inventory(databaseUrl, namespace, amqpUri);
        replica.startAgain();
        return replica;
    }

    public synchronized void startAgain() {
        Map<String, String> settings = TestServerConfig.common(databaseUrl, amqpUri, namespace, TestBooking.TOKEN);
        settings.put("server.port", String.valueOf(port));
        settings.put("db.pool.size", "8");
        settings.put("consumer.booking-events.retry-pause", "PT0.05S");
        settings.put("consumer.booking-events.reconnect-pause", "PT0.2S");
        server = InventoryServer.start(TestServerConfig.of(settings));
        port = server.port();
        http = new Http(port, TestBooking.TOKEN);
    }

    public synchronized void stop() {
        server.close();
        server = null;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Http http() {
        return http;
    }

    /** Adds a car at EUR 45.00 a day at the always-open test branch BER-TXL; returns its JSON. */
    public JsonNode createCar(String plate) {
        TestBranches.ensure(url(), TestBooking.TOKEN, "BER-TXL");
        return createCarAt(plate, "BER-TXL");
    }

    /** Adds a car at EUR 45.00 a day at {@code branch}, which must exist; returns its JSON. */
    public JsonNode createCarAt(String plate, String branch) {
        Http.Answer answer = http.post("/api/v1/cars", """
                {"plate":"%s","make":"Volkswagen","model":"Golf","year":2024,"category":"ECONOMY","seats":5,
                 "transmission":"MANUAL","fuelType":"PETROL","dailyRate":{"currency":"EUR","amount":"45.00"},
                 "location":"%s","mileageKm":12000}""".formatted(plate, branch));
        if (answer.status() != 201) {
            throw new IllegalStateException("car not created: " + answer);
        }
        return answer.json();
    }

    public String carStatus(String carId) {
        return http.get("/api/v1/cars/" + carId).json().get("status").asText();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
