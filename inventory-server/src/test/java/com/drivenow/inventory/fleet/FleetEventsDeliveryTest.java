package com.drivenow.inventory.fleet;

import com.drivenow.inventory.FleetListener;
import com.drivenow.inventory.TestInventory;
import com.drivenow.inventory.car.Car;
import com.drivenow.inventory.car.CarRepository;
import com.drivenow.localstack.testing.TcpProxy;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Fleet events only for committed changes, and none lost while the broker is unreachable: the
 * server talks to the broker through a proxy this test cuts, and keeps answering HTTP meanwhile.
 */
class FleetEventsDeliveryTest {

    private static TcpProxy proxy;
    private static TestInventory inventory;
    private static FleetListener broker;

    @BeforeAll
    static void start() {
        URI amqp = URI.create(TestInfrastructure.get().amqp());
        proxy = TcpProxy.to(amqp.getHost(), amqp.getPort());
        String proxied = amqp.getScheme() + "://" + amqp.getRawUserInfo() + "@127.0.0.1:" + proxy.port()
                + (amqp.getRawPath() == null ? "" : amqp.getRawPath());
        inventory = TestInventory.start("fleet-delivery", proxied);
        broker = new FleetListener(TestInfrastructure.get().amqp(), inventory.topology());
    }

    @AfterAll
    static void stop() {
        inventory.close();
        broker.close();
        proxy.close();
    }

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsAwayAndArriveWhenItIsBack() {
        await().atMost(Duration.ofSeconds(10)).until(() -> brokerHealth().get("connected").asBoolean());
        proxy.cut();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !brokerHealth().get("connected").asBoolean());
            String carId = inventory.createCar("O-CUT 1").get("id").asText();
            assertThat(inventory.get("/api/v1/cars/" + carId).status()).isEqualTo(200);
            JsonNode health = inventory.getWithoutToken("/health").json();
            assertThat(health.get("status").asText()).as("the server stays UP without its broker").isEqualTo("UP");
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> brokerHealth().get("outboxBacklog").asLong() >= 1);
            assertThat(broker.all("car.added", e -> e.get("carId").asText().equals(carId))).isEmpty();

            proxy.restore();
            broker.await("car.added", e -> e.get("carId").asText().equals(carId));
            await().atMost(Duration.ofSeconds(10)).until(() -> brokerHealth().get("outboxBacklog").asLong() == 0);
        } finally {
            proxy.restore();
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        inventory.createCar("O-ROLL 1");
        try (Database database = Database.start(Config.just(ConfigSources.create(Map.of(
                "connection.url", inventory.databaseUrl(), "pool.size", "2", "pool.connection-timeout", "PT5S",
                "pool.initialization-timeout", "PT5S"))), "fleet-test", "db/inventory")) {
            CarRepository cars = new CarRepository();
            UUID carId = UUID.fromString(inventory.get("/api/v1/cars?q=O-ROLL").json().get("items").get(0).get("id").asText());
            Car stored = cars.find(database.client().execute(), carId).orElseThrow();
            // An outbox whose relay is the server's (through the shared table); this one never publishes itself.
            FleetEvents events = new FleetEvents(inventory.topology(), new Outbox(null), Clock.systemUTC());
            assertThatThrownBy(() -> Transactions.run(database.client(), tx -> {
                events.carChanged(tx, stored);
                throw new IllegalStateException("the business change failed");
            })).hasMessageContaining("business change failed");
            Transactions.run(database.client(), tx -> events.carStatusChanged(tx, stored));
        }
        String carId = inventory.get("/api/v1/cars?q=O-ROLL").json().get("items").get(0).get("id").asText();
        // the relay publishes in commit order, so once the committed event is out, the other never will be
        broker.await("car.status-changed", e -> e.get("carId").asText().equals(carId));
        assertThat(broker.all("car.changed", e -> e.get("carId").asText().equals(carId))).isEmpty();
    }

    private static JsonNode brokerHealth() {
        for (JsonNode check : inventory.getWithoutToken("/health").json().get("checks")) {
            if (check.get("name").asText().equals("broker")) {
                return check.get("data");
            }
        }
        throw new IllegalStateException("no broker check");
    }
}
