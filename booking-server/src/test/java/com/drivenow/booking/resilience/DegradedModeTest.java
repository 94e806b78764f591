package com.drivenow.booking.resilience;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TcpProxy;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bookings keep going when the inventory server or the broker is away, and the events catch up. */
class DegradedModeTest {

    @Test
    void withInventoryDownAWalkInIsBookedFromTheFleetCopyAndReachesInventoryLater() {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("inventory-down");
        try (Inventory inventory = Inventory.start("inventory_down", namespace, infra.amqp());
             TestBooking booking = TestBooking.start("inventory_down", namespace, infra.amqp(), inventory.url())) {
            Http api = booking.http();
            String carId = inventory.createCar("B-DN " + UUID.randomUUID().toString().substring(0, 5)).get("id").asText();
            awaitFleetCopyKnows(api, carId);

            inventory.stop();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Http.Answer walkIn = api.post("/api/v1/bookings", body(carId, now, now.plus(Duration.ofDays(1)), true));
            assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
            assertThat(walkIn.json().get("availabilityCheck").asText()).isEqualTo("CACHED");
            assertThat(walkIn.json().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(walkIn.json().get("price").get("amount").asText()).isEqualTo("45.00");
            Http.Answer unknown = api.post("/api/v1/bookings", body(UUID.randomUUID().toString(), now, now.plusSeconds(3600), false));
            assertThat(unknown.status()).isEqualTo(503);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(api.get("/metrics").body()).contains("booking_cached_checks");

            inventory.startAgain();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inventory.carStatus(carId).equals("RENTED"));
            // With inventory back (and the breaker closed again), checks are live once more.
            Instant later = now.plus(Duration.ofDays(5));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Http.Answer answer = api.post("/api/v1/bookings", body(carId, later, later.plusSeconds(3600), false)
                        .replace("Ada Lovelace", "Live Check " + UUID.randomUUID()));
                if (answer.status() == 201 && answer.json().get("availabilityCheck").asText().equals("LIVE")) {
                    return true;
                }
                if (answer.status() == 201) {
                    api.post("/api/v1/bookings/" + answer.json().get("id").asText() + "/cancel", "{\"reason\":\"probe\"}");
                }
                return false;
            });
        }
    }

    @Test
    void withTwoInventoryReplicasOneDyingCostsNoLiveCheck() {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("inventory-replicas");
        try (Inventory first = Inventory.start("inventory_replicas", namespace, infra.amqp());
             Inventory second = first.replica();
             TestBooking booking = TestBooking.start("inventory_replicas", namespace, infra.amqp(),
                     first.url() + ", " + second.url())) {
            Http api = booking.http();
            String carId = first.createCar("B-RP " + UUID.randomUUID().toString().substring(0, 5)).get("id").asText();
            awaitFleetCopyKnows(api, carId);

            first.stop();
            Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 6; i++) {
                Instant from = start.plus(Duration.ofDays(2L * i));
                Http.Answer created = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(1)), false));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                assertThat(created.json().get("availabilityCheck").asText())
                        .as("asked the replica still up, not the fleet copy").isEqualTo("LIVE");
            }
        }
    }

    @Test
    void withTheBrokerUnreachableBookingsSucceedAndTheCarMovesOnceItIsBack() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("broker-down");
        URI amqp = URI.create(infra.amqp());
        try (TcpProxy proxy = TcpProxy.to(amqp.getHost(), amqp.getPort());
             Inventory inventory = Inventory.start("broker_down", namespace, infra.amqp());
             TestBooking booking = TestBooking.start("broker_down", namespace,
                     infra.amqp().replace(":" + amqp.getPort(), ":" + proxy.port()), inventory.url())) {
            Http api = booking.http();
            String carId = inventory.createCar("B-BR " + UUID.randomUUID().toString().substring(0, 5)).get("id").asText();
            awaitFleetCopyKnows(api, carId);

            proxy.cut();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Http.Answer walkIn = api.post("/api/v1/bookings", body(carId, now, now.plus(Duration.ofDays(1)), true));
            assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
            assertThat(walkIn.json().get("status").asText()).isEqualTo("ACTIVE");
            Thread.sleep(500);
            assertThat(outboxBacklog(booking)).as("events wait in the outbox").isEqualTo(2);
            assertThat(inventory.carStatus(carId)).isEqualTo("AVAILABLE");

            proxy.restore();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inventory.carStatus(carId).equals("RENTED"));
            await().atMost(Duration.ofSeconds(5)).until(() -> outboxBacklog(booking) == 0);
        }
    }

    private static void awaitFleetCopyKnows(Http api, String carId) {
        Instant from = Instant.now().plus(Duration.ofDays(200));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/availability?from=" + from + "&to=" + from.plusSeconds(60)).body().contains(carId));
    }

    private static long outboxBacklog(TestBooking booking) throws Exception {
        try (Connection c = DriverManager.getConnection(booking.databaseUrl());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox_message")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
