package com.drivenow.booking.rental;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.messaging.MessagingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.drivenow.booking.rental.BookingFlowTest.assertConflict;
import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A booking holds its car for its physical life: an early pick-up takes the car from the moment of
 * hand-over, a car out stays held whatever the booking's status label says, and a car out past its
 * end is held until it is back. Each test is a hole found in review, reproduced through the API.
 */
class CarHoldsTest {

    private static Inventory inventory;
    private static TestBooking booking;
    private static Http api;
    private static MessagingTopology topology;
    private static Connection amqp;

    @BeforeAll
    static void start() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("car-holds");
        topology = new MessagingTopology(namespace);
        inventory = Inventory.start("car_holds", namespace, infra.amqp());
        booking = TestBooking.start("car_holds", namespace, infra.amqp(), inventory.url());
        api = booking.http();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(infra.amqp());
        amqp = factory.newConnection("car-holds-test");
    }

    @AfterAll
    static void stop() throws Exception {
        amqp.close();
        booking.close();
        inventory.close();
    }

    @Test
    void aCarPickedUpEarlyCannotBeBookedForTheTimeItIsOut() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String early = create(carId, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));
        assertThat(pickUp(early).status()).isEqualTo(200);

        Instant from = now.plus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofHours(20));
        assertConflict(api.post("/api/v1/bookings", body(carId, from, to, false)), "overlapping");
        assertThat(ids(api.get("/api/v1/availability?from=" + from + "&to=" + to).json())).doesNotContain(carId);
    }

    @Test
    void anEarlyPickUpAndCreatesForTheGapItWouldTakeNeverBothWin() throws Exception {
        for (int round = 0; round < 4; round++) {
            String carId = newCar();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String early = create(carId, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));
            int creates = 12;
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Integer>> createStatuses = new ArrayList<>();
            Future<Integer> pickUpStatus;
            try (ExecutorService pool = Executors.newFixedThreadPool(creates + 1)) {
                pickUpStatus = pool.submit(() -> {
                    gate.await();
                    return pickUp(early).status();
                });
                for (int i = 0; i < creates; i++) {
                    Instant from = now.plus(Duration.ofMinutes(30 + i));
                    createStatuses.add(pool.submit(() -> {
                        gate.await();
                        return api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofHours(20)), false)).status();
                    }));
                }
                gate.countDown();
            }
            long createsWon = createStatuses.stream().filter(f -> status(f) == 201).count();
            assertThat(createStatuses).allSatisfy(f -> assertThat(status(f)).isIn(201, 409));
            boolean pickedUp = status(pickUpStatus) == 200;
            assertThat(status(pickUpStatus)).isIn(200, 409);
            assertThat(createsWon).as("round %d: the pick-up %s", round, pickedUp ? "won" : "lost")
                    .isEqualTo(pickedUp ? 0 : 1);
        }
    }

    @Test
    void aCarOutWithABookingThatNeedsAttentionStaysHeldUntilItIsBack() throws Exception {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A walk-in due back in three seconds, that inventory reports a conflict about once it is out.
        JsonNode walkIn = api.post("/api/v1/bookings", body(carId, now, now.plusSeconds(3), true)).json();
        String out = walkIn.get("id").asText();
        publishConflict(out, carId, 2, "car was handed over while in maintenance");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/bookings/" + out).json().get("status").asText().equals("NEEDS_ATTENTION"));

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(now.plusSeconds(4)));
        Instant later = Instant.now();
        // Overdue and flagged, the car is still out: nobody can have it now, nor pick up early.
        assertConflict(api.post("/api/v1/bookings", body(carId, later, later.plusSeconds(3600), true)), "not back");
        assertConflict(api.post("/api/v1/bookings", body(carId, later, later.plusSeconds(3600), false)), "overdue");
        assertThat(ids(api.get("/api/v1/availability?from=" + later + "&to=" + later.plusSeconds(3600)).json()))
                .doesNotContain(carId);
        String next = create(carId, later.plus(Duration.ofHours(2)), later.plus(Duration.ofHours(4)));
        assertConflict(pickUp(next), "not back");

        assertThat(api.post("/api/v1/bookings/" + out + "/return", "{\"mileageKm\":12050,\"fuelPercent\":90}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/bookings/" + next + "/pickup", "{\"mileageKm\":12050}").status())
                .as("back on the lot, the car goes out again").isEqualTo(200);
    }

    @Test
    void aConflictAboutAnOlderStateOfTheBookingIsIgnored() throws Exception {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = create(carId, now, now.plus(Duration.ofDays(1)));
        assertThat(pickUp(id).status()).isEqualTo(200);
        // A conflict about booking.created (sequence 1) arrives after the pick-up (sequence 2).
        UUID stale = publishConflict(id, carId, 1, "car was in maintenance when booked");
        UUID marker = publishConflict(UUID.randomUUID().toString(), carId, 1, "marker: processed after the stale one");
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(marker));
        assertThat(processed(stale)).isTrue();
        assertThat(api.get("/api/v1/bookings/" + id).json().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aRetryOfAWalkInAfterItsWindowStartedLongAgoReplaysTheFirstAnswer() throws Exception {
        String carId = newCar();
        // Starts just inside the 15 minutes a form may lie in the past; the retry comes after that.
        Instant from = Instant.now().minus(BookingRequests.PAST_TOLERANCE).plusMillis(1500);
        String request = body(carId, from, from.plus(Duration.ofDays(1)), true);
        Http.Answer first = withKey("walk-in-retry", request);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(from.plus(BookingRequests.PAST_TOLERANCE).plusSeconds(1)));
        Http.Answer retry = withKey("walk-in-retry", request);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
    }

    @Test
    void instantsOutsideTheYears1900To2200AreRefusedWithA400() {
        String carId = UUID.randomUUID().toString();
        Http.Answer farFuture = api.post("/api/v1/bookings",
                body(carId, Instant.now().plusSeconds(60), Instant.now().plusSeconds(3600), false)
                        .replaceFirst("\"to\":\"[^\"]+\"", "\"to\":\"+20260-01-01T00:00:00Z\""));
        assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
        assertThat(farFuture.body()).contains("\"field\":\"to\"").contains("2200");
        Http.Answer ancient = api.get("/api/v1/availability?from=1200-01-01T00:00:00Z&to=1200-01-02T00:00:00Z");
        assertThat(ancient.status()).as(ancient.body()).isEqualTo(400);
        assertThat(ancient.body()).contains("1900");
    }

    @Test
    void anImplausibleOdometerReadingIsRefusedAndSaysWhy() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Answer typo = api.post("/api/v1/bookings", body(carId, now, now.plus(Duration.ofDays(1)), true)
                .replace("\"pickUpNow\"", "\"mileageKm\":99999,\"pickUpNow\""));
        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.body()).contains("mileageKm").contains("2000 km a day");

        // The car's record was wrong (12,000 km, the dashboard says 20,400): a fleet manager corrects it.
        Http.Answer corrected = inventory.http().post("/api/v1/cars/" + carId + "/odometer",
                "{\"mileageKm\":20400,\"reason\":\"record was never updated after the transfer\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        String walkInBody = body(carId, now, now.plus(Duration.ofDays(1)), true)
                .replace("\"pickUpNow\"", "\"mileageKm\":20500,\"pickUpNow\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Http.Answer walkIn = api.post("/api/v1/bookings", walkInBody);
            assertThat(walkIn.status()).as(walkIn.body()).isIn(201, 400);
            return walkIn.status() == 201;
        });
        Http.Answer lowered = inventory.http().post("/api/v1/cars/" + carId + "/odometer", "{\"mileageKm\":-5}");
        assertThat(lowered.status()).isEqualTo(400);
        assertThat(lowered.body()).contains("mileageKm").contains("reason");
    }

    @Test
    void aReturnFarAboveTheMileageOutIsRefusedAndSaysWhy() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = create(carId, now, now.plus(Duration.ofDays(1)));
        assertThat(pickUp(id).status()).isEqualTo(200);
        Http.Answer tooFar = api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":15000,\"fuelPercent\":50}");
        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
        assertThat(tooFar.body()).contains("at most 14000 km");
        assertThat(api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":12900,\"fuelPercent\":50}").status())
                .isEqualTo(200);
    }

    @Test
    void theNextHandOverReadsAtLeastWhatTheLastReturnRecordedEvenBeforeTheFleetHeardOfIt() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = create(carId, now, now.plus(Duration.ofDays(1)));
        assertThat(pickUp(first).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/bookings/" + first + "/return", "{\"mileageKm\":12900,\"fuelPercent\":50}").status())
                .isEqualTo(200);
        // At once, before inventory's car event brings 12,900 km back to the fleet copy.
        String next = create(carId, now.plusSeconds(60), now.plus(Duration.ofDays(2)));
        Http.Answer below = api.post("/api/v1/bookings/" + next + "/pickup", "{\"mileageKm\":12100}");
        assertThat(below.status()).as(below.body()).isEqualTo(400);
        assertThat(below.body()).contains("12900 km");
        assertThat(api.post("/api/v1/bookings/" + next + "/pickup", "{\"mileageKm\":12905}").status()).isEqualTo(200);
    }

    private static String newCar() {
        String carId = inventory.createCar("B-HO " + UUID.randomUUID().toString().substring(0, 6)).get("id").asText();
        Instant from = Instant.now().plus(Duration.ofDays(300));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/availability?from=" + from + "&to="
                + from.plusSeconds(60)).body().contains(carId));
        return carId;
    }

    private static String create(String carId, Instant from, Instant to) {
        Http.Answer created = api.post("/api/v1/bookings", body(carId, from, to, false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Http.Answer pickUp(String id) {
        return api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":12000}");
    }

    private static Http.Answer withKey(String key, String request) {
        return api.call(Method.POST, "/api/v1/bookings", request,
                r -> r.header(HeaderNames.create("Idempotency-Key"), key));
    }

    /** Publishes a booking.conflict as the inventory server would; returns its event id. */
    private static UUID publishConflict(String bookingId, String carId, long sourceSequence, String reason) throws Exception {
        UUID eventId = UUID.randomUUID();
        String body = """
                {"eventId":"%s","eventType":"booking.conflict","occurredAt":"%s","bookingId":"%s","carId":"%s",
                 "sourceEventId":"%s","sourceEventType":"booking.picked-up","sourceSequence":%d,"reason":"%s"}"""
                .formatted(eventId, Instant.now(), bookingId, carId, UUID.randomUUID(), sourceSequence, reason);
        try (Channel channel = amqp.createChannel()) {
            channel.basicPublish(topology.fleetExchange(), "booking.conflict", new AMQP.BasicProperties.Builder()
                    .messageId(eventId.toString()).type("booking.conflict").contentType("application/json")
                    .deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
        }
        return eventId;
    }

    private static boolean processed(UUID eventId) throws Exception {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(booking.databaseUrl());
             java.sql.PreparedStatement query = db.prepareStatement(
                     "SELECT 1 FROM processed_event WHERE event_id = ?::uuid")) {
            query.setString(1, eventId.toString());
            try (java.sql.ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int status(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode availability) {
        List<String> ids = new ArrayList<>();
        availability.get("items").forEach(i -> ids.add(i.get("car").get("id").asText()));
        return ids;
    }
}
