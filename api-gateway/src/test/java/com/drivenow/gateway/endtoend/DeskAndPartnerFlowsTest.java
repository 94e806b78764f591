package com.drivenow.gateway.endtoend;

import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.SseReader;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public contract through the gateway against the real inventory and booking servers, the real
 * database and the real broker: what a desk and a partner web site actually do.
 */
class DeskAndPartnerFlowsTest {

    private static RealSystem system;
    private static Http http;
    private static String agent;
    private static String manager;

    @BeforeAll
    static void start() {
        system = new RealSystem("gateway_e2e");
        http = system.http();
        agent = http.token("agent");
        manager = http.token("manager");
        await().atMost(Duration.ofSeconds(10)).until(() -> system.gateway().liveEventsConnected());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aWalkInIsBookedHandedOverAndReturnedWhileEveryDeskSeesItLive() throws Exception {
        JsonNode car = createCar("E2E-W1", "45.00", 20_000);
        String carId = car.get("id").asText();
        try (SseReader live = new SseReader(http, "Authorization", "Bearer " + agent, null)) {
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> created = http.asUser(agent, "POST", "/api/v1/bookings", """
                    {"carId":"%s","from":"%s","to":"%s","pickUpNow":true,
                     "customer":{"name":"Ada Walk-In","email":"ada@example.com","phone":"+49 30 1234567",
                                 "licenseNumber":"B072RRE2I55"}}""".formatted(carId, from, from.plus(Duration.ofDays(2))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/bookings/"));
            JsonNode booking = json(created);
            String bookingId = booking.get("id").asText();
            assertThat(booking.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(booking.get("availabilityCheck").asText()).isEqualTo("LIVE");
            assertThat(booking.get("createdBy").asText()).isEqualTo("agent");

            // Another desk connected to the stream sees the booking and the car going out.
            assertThat(awaitEvent(live, "booking.changed", bookingId)).isNotNull();
            // (The car's own car.added may still be on its way and come first: wait for the change it makes.)
            JsonNode rented = awaitEvent(live, "car.changed", carId, "RENTED");
            assertThat(rented.get("status").asText()).isEqualTo("RENTED");
            assertThat(json(http.asUser(agent, "GET", "/api/v1/cars/" + carId, null)).get("status").asText())
                    .isEqualTo("RENTED");

            HttpResponse<String> returned = http.asUser(agent, "POST", "/api/v1/bookings/" + bookingId + "/return",
                    "{\"mileageKm\":20350,\"fuelPercent\":90}");
            assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
            assertThat(json(returned).get("status").asText()).isEqualTo("RETURNED");
            assertThat(json(returned).get("price").get("amount").asText()).isEqualTo("90.00");
            JsonNode back = awaitEvent(live, "car.changed", carId, "AVAILABLE");
            assertThat(back.get("status").asText()).isEqualTo("AVAILABLE");
            assertThat(back.get("mileageKm").asLong()).isEqualTo(20_350);
        }
    }

    @Test
    void rolesAreEnforcedInFrontOfTheRealServers() {
        assertThat(http.asUser(agent, "POST", "/api/v1/cars", carJson("E2E-R1", "40.00", 100)).statusCode())
                .isEqualTo(403);
        String carId = createCar("E2E-R2", "40.00", 100).get("id").asText();
        assertThat(http.asUser(agent, "POST", "/api/v1/cars/" + carId + "/maintenance", null).statusCode())
                .isEqualTo(403);
        assertThat(http.asUser(manager, "POST", "/api/v1/cars/" + carId + "/maintenance", null).statusCode())
                .isEqualTo(200);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/cars?size=5", null).statusCode())
                .isEqualTo(200);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "PATCH", "/api/v1/cars/" + carId, "{\"seats\":4}").statusCode())
                .isEqualTo(403);
        assertThat(http.call("GET", "/api/v1/bookings", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPartnerSeesAndCancelsOnlyItsOwnBookings() {
        String carId = createCar("E2E-P1", "50.00", 5_000).get("id").asText();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> partners = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                bookingJson(carId, start, start.plus(Duration.ofDays(1))));
        assertThat(partners.statusCode()).as(partners.body()).isEqualTo(201);
        String partnerBooking = json(partners).get("id").asText();
        HttpResponse<String> desks = http.asUser(agent, "POST", "/api/v1/bookings",
                bookingJson(carId, start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(3))));
        assertThat(desks.statusCode()).as(desks.body()).isEqualTo(201);
        String deskBooking = json(desks).get("id").asText();

        JsonNode visible = json(http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/bookings?carId=" + carId, null));
        assertThat(ids(visible.get("items"))).containsExactly(partnerBooking);
        assertThat(ids(json(http.asUser(agent, "GET", "/api/v1/bookings?carId=" + carId, null)).get("items")))
                .containsExactlyInAnyOrder(partnerBooking, deskBooking);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/bookings/" + deskBooking, null).statusCode())
                .isEqualTo(404);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings/" + deskBooking + "/cancel",
                "{\"reason\":\"not mine\"}").statusCode()).isEqualTo(404);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings/" + partnerBooking + "/pickup",
                "{\"mileageKm\":5000}").statusCode()).isEqualTo(403);
        HttpResponse<String> cancelled = http.asIntegration(Http.DEMO_API_KEY, "POST",
                "/api/v1/bookings/" + partnerBooking + "/cancel", "{\"reason\":\"customer changed plans\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void overlappingBookingsAndBadInputAnswerClearProblemsThroughTheGateway() {
        String carId = createCar("E2E-O1", "30.00", 1_000).get("id").asText();
        Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        assertThat(http.asUser(agent, "POST", "/api/v1/bookings",
                bookingJson(carId, start, start.plus(Duration.ofDays(2)))).statusCode()).isEqualTo(201);
        HttpResponse<String> overlap = http.asUser(agent, "POST", "/api/v1/bookings",
                bookingJson(carId, start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(3))));
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(overlap).get("detail").asText()).isNotBlank();

        HttpResponse<String> invalid = http.asUser(agent, "POST", "/api/v1/bookings",
                "{\"carId\":\"" + carId + "\",\"from\":\"tomorrow\",\"to\":\"2026-13-01T00:00:00Z\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors")).isNotEmpty();

        HttpResponse<String> tracked = http.send(http.request("/api/v1/cars/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + agent).header("X-Request-Id", "desk-7-req-99"));
        assertThat(tracked.statusCode()).isEqualTo(404);
        assertThat(tracked.headers().firstValue("X-Request-Id")).hasValue("desk-7-req-99");
        assertThat(json(tracked).get("requestId").asText()).isEqualTo("desk-7-req-99");
    }

    private static JsonNode createCar(String plate, String rate, int mileage) {
        HttpResponse<String> created = http.asUser(manager, "POST", "/api/v1/cars", carJson(plate, rate, mileage));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static String carJson(String plate, String rate, int mileage) {
        return """
                {"plate":"%s","make":"Volkswagen","model":"Golf","year":2024,"category":"COMPACT","seats":5,
                 "transmission":"MANUAL","fuelType":"PETROL","dailyRate":{"currency":"EUR","amount":"%s"},
                 "location":"BER-TXL","mileageKm":%d}""".formatted(plate, rate, mileage);
    }

    private static String bookingJson(String carId, Instant from, Instant to) {
        return """
                {"carId":"%s","from":"%s","to":"%s",
                 "customer":{"name":"Grace Hopper","email":"grace@example.com","phone":"+1 555 0100",
                             "licenseNumber":"GH1906NAVY"}}""".formatted(carId, from, to);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("event data is not JSON: " + text, e);
        }
    }

    /** The next event of {@code type} whose data has {@code id}, skipping others; fails after 5 s. */
    private static JsonNode awaitEvent(SseReader live, String type, String id) throws InterruptedException {
        return awaitEvent(live, type, id, null);
    }

    /** The next {@code type} event about {@code id} (with that {@code status}, when given). */
    private static JsonNode awaitEvent(SseReader live, String type, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Event event = live.next(Duration.ofMillis(500));
            if (event != null && event.type().equals(type)) {
                JsonNode data = readJson(event.data());
                if (data.get("id").asText().equals(id) && (status == null || status.equals(data.path("status").asText()))) {
                    return data;
                }
            }
        }
        throw new AssertionError("no " + type + " event for " + id + (status == null ? "" : " with status " + status)
                + " within 5 s");
    }
}
