package com.drivenow.gateway.endtoend;

import com.drivenow.gateway.auth.ApiKeys;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.SseReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 12 and the OWASP API Security Top 10 items that apply, each tried through the
 * real gateway against the real servers, database and broker, the way an attacker would.
 */
class SecurityAttacksTest {

    private static RealSystem system;
    private static Http http;
    private static String agent;
    private static String manager;

    /** A second partner, to try one partner's bookings from another's key. */
    private static final String OTHER_KEY = "other-partner-key-7f3c9a1e5b2d4c6e8a0f";

    @BeforeAll
    static void start() {
        system = new RealSystem("gateway_security",
                // The per-address sign-in limit has its own test; here the per-account lock must answer.
                Map.of("limits.login.burst", "200"), """
                security:
                  apikeys:
                    - {name: demo-integration, sha256: %s, roles: [INTEGRATION]}
                    - {name: other-partner, sha256: %s, roles: [INTEGRATION]}
                """.formatted(ApiKeys.sha256Hex(Http.DEMO_API_KEY), ApiKeys.sha256Hex(OTHER_KEY)));
        http = system.http();
        agent = http.token("agent");
        manager = http.token("manager");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    // --- Broken function-level authorisation and mass assignment: a partner hands a car over ---

    @Test
    void aPartnerCannotHandACarOverWithAWalkInOrSetItsOdometer() {
        String carId = createCar("SEC-W1", 12_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> walkIn = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                booking(carId, now, now.plus(Duration.ofDays(1)), ",\"pickUpNow\":true,\"mileageKm\":99999"));
        assertThat(walkIn.statusCode()).as(walkIn.body()).isEqualTo(403);
        assertThat(walkIn.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(walkIn).get("detail").asText()).contains("pickUpNow").contains("AGENT");

        HttpResponse<String> odometer = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                booking(carId, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)), ",\"mileageKm\":99999"));
        assertThat(odometer.statusCode()).as(odometer.body()).isEqualTo(403);

        JsonNode car = json(http.asUser(agent, "GET", "/api/v1/cars/" + carId, null));
        assertThat(car.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(car.get("mileageKm").asLong()).isEqualTo(12_000);
        assertThat(json(http.asUser(agent, "GET", "/api/v1/bookings?carId=" + carId, null)).get("total").asLong())
                .isZero();

        // Fields nobody sets (the creator, the status, the price) are refused, not quietly taken.
        for (String smuggled : new String[] {",\"createdBy\":\"agent\"", ",\"status\":\"ACTIVE\"",
                ",\"price\":{\"currency\":\"EUR\",\"amount\":\"0.01\"}"}) {
            HttpResponse<String> res = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                    booking(carId, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)), smuggled));
            assertThat(res.statusCode()).as(smuggled + " -> " + res.body()).isEqualTo(400);
        }

        // An ordinary reservation (pickUpNow false) is still the partner's to make.
        HttpResponse<String> reservation = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                booking(carId, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(6)), ",\"pickUpNow\":false"));
        assertThat(reservation.statusCode()).as(reservation.body()).isEqualTo(201);
    }

    @Test
    void theBookingServerRefusesAPartnersHandOverEvenWhenTheGatewayIsBypassed() {
        String carId = createCar("SEC-W2", 5_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = booking(carId, now, now.plus(Duration.ofDays(1)), ",\"pickUpNow\":true");

        HttpResponse<String> asPartner = direct("POST", "/api/v1/bookings", body, "demo-integration", "INTEGRATION", "INTEGRATION");
        assertThat(asPartner.statusCode()).as(asPartner.body()).isEqualTo(403);
        HttpResponse<String> withoutDeskRole = direct("POST", "/api/v1/bookings", body, "someone", "", "USER");
        assertThat(withoutDeskRole.statusCode()).as(withoutDeskRole.body()).isEqualTo(403);

        String reserved = json(http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                booking(carId, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(4)), ""))).get("id").asText();
        HttpResponse<String> pickUp = direct("POST", "/api/v1/bookings/" + reserved + "/pickup", "{\"mileageKm\":5000}",
                "demo-integration", "INTEGRATION", "INTEGRATION");
        assertThat(pickUp.statusCode()).as(pickUp.body()).isEqualTo(403);

        HttpResponse<String> asDesk = direct("POST", "/api/v1/bookings", body, "agent", "AGENT", "USER");
        assertThat(asDesk.statusCode()).as(asDesk.body()).isEqualTo(201);
    }

    // --- Broken object-level authorisation across partners, and excessive data exposure in events ---

    @Test
    void onePartnerCannotReadCancelListOrWatchAnothersBookings() throws Exception {
        String carId = createCar("SEC-B1", 1_000);
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        try (SseReader otherStream = new SseReader(http, "X-Api-Key", OTHER_KEY, null)) {
            assertThat(otherStream.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");
            HttpResponse<String> mine = http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings",
                    booking(carId, start, start.plus(Duration.ofDays(1)), ""));
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
            String id = json(mine).get("id").asText();
            assertThat(http.asUser(agent, "POST", "/api/v1/bookings",
                    booking(carId, start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(3)), "")).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> others = http.asIntegration(OTHER_KEY, "POST", "/api/v1/bookings",
                    booking(carId, start.plus(Duration.ofDays(5)), start.plus(Duration.ofDays(6)), ""));
            String othersId = json(others).get("id").asText();

            assertThat(http.asIntegration(OTHER_KEY, "GET", "/api/v1/bookings/" + id, null).statusCode()).isEqualTo(404);
            assertThat(http.asIntegration(OTHER_KEY, "POST", "/api/v1/bookings/" + id + "/cancel",
                    "{\"reason\":\"not mine\"}").statusCode()).isEqualTo(404);
            JsonNode listed = json(http.asIntegration(OTHER_KEY, "GET", "/api/v1/bookings?carId=" + carId, null));
            assertThat(listed.get("total").asLong()).isEqualTo(1);
            assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(othersId);

            // The other partner's stream carries cars and its own booking, never the first partner's or the desk's.
            SseReader.Event event;
            while ((event = otherStream.next(Duration.ofSeconds(3))) != null) {
                if ("booking.changed".equals(event.type())) {
                    assertThat(Http.json(event.data()).get("id").asText()).isEqualTo(othersId);
                    return;
                }
            }
            throw new AssertionError("the other partner never saw its own booking");
        }
    }

    // --- Login: brute force, malformed bodies, token lifetimes; public health ---

    @Test
    void guessingOnePasswordLocksTheAccountNameWhateverTheAddressAndEvenTheRightPasswordWaits() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.login("manager", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = http.login("manager", "manager");
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(locked).get("detail").asText()).contains("failed logins");
        // Unknown names are locked the same way, so the answer says nothing about who exists.
        for (int i = 0; i < 5; i++) {
            http.login("nobody-1", "guess-" + i);
        }
        assertThat(http.login("nobody-1", "guess").statusCode()).isEqualTo(429);
        // Other accounts are not affected, and tokens already issued keep working.
        assertThat(http.login("agent", "agent").statusCode()).isEqualTo(200);
        assertThat(http.asUser(manager, "GET", "/api/v1/cars?size=1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedLoginBodiesAreClearProblemsNot500() {
        for (String body : new String[] {"null", "[]", "\"text\"", "{\"username\":null,\"password\":null}", "{"}) {
            HttpResponse<String> res = http.call("POST", "/api/v1/auth/login", null, null, body);
            assertThat(res.statusCode()).as(body + " -> " + res.body()).isEqualTo(400);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void accessTokensAreShortAndComeWithARefreshToken() {
        JsonNode login = json(http.login("agent", "agent"));
        assertThat(login.get("expiresIn").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(login.get("refreshToken").asText()).isNotBlank();
    }

    @Test
    void thePublicHealthAnswerNamesNoInternalAddressesOrErrors() {
        HttpResponse<String> health = http.send(http.request("/health"));
        assertThat(health.body()).doesNotContain("http://").doesNotContain("127.0.0.1").doesNotContain("localhost");
    }

    // --- Floods: bodies without Content-Length ---

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItStreams() {
        byte[] huge = ("{\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String path : new String[] {"/api/v1/auth/login", "/api/v1/bookings"}) {
            HttpResponse<String> res = http.send(http.request(path)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + agent)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))));
            assertThat(res.statusCode()).as(path).isEqualTo(413);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    // --- Audit trail: every change is kept where its data lives, and only fleet managers read it ---

    @Test
    void everyChangeIsAuditedWithWhoWhatWhenAndRequestIdForFleetManagersOnly() throws InterruptedException {
        String carId = createCar("SEC-A1", 3_000);
        Instant start = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> booked = http.send(http.request("/api/v1/bookings")
                .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                .header("X-Request-Id", "audit-req-1")
                .POST(HttpRequest.BodyPublishers.ofString(booking(carId, start, start.plus(Duration.ofDays(1)), ""))));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String bookingId = json(booked).get("id").asText();
        http.asIntegration(Http.DEMO_API_KEY, "POST", "/api/v1/bookings/" + bookingId + "/pickup", "{\"mileageKm\":1}");

        JsonNode bookingTrail = awaitAudit("resourceId=" + bookingId, 1);
        JsonNode entry = bookingTrail.get("items").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("agent");
        assertThat(entry.get("actorKind").asText()).isEqualTo("USER");
        assertThat(entry.get("roles").toString()).contains("AGENT");
        assertThat(entry.get("method").asText() + " " + entry.get("path").asText()).isEqualTo("POST /api/v1/bookings");
        assertThat(entry.get("status").asInt()).isEqualTo(201);
        assertThat(entry.get("requestId").asText()).isEqualTo("audit-req-1");
        assertThat(entry.get("server").asText()).isEqualTo("booking");
        assertThat(entry.get("at").asText()).isNotBlank();
        assertThat(bookingTrail.get("total").asLong()).as("the refused pick-up is no change").isEqualTo(1);

        JsonNode carTrail = awaitAudit("resource=cars&resourceId=" + carId, 1);
        assertThat(carTrail.get("items").get(0).get("actor").asText()).isEqualTo("manager");
        assertThat(carTrail.get("items").get(0).get("server").asText()).isEqualTo("inventory");

        assertThat(http.asUser(agent, "GET", "/api/v1/audit", null).statusCode()).isEqualTo(403);
        assertThat(http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/audit", null).statusCode()).isEqualTo(403);
        assertThat(http.asUser(manager, "GET", "/api/v1/audit?page=20&size=50", null).statusCode()).isEqualTo(400);
        assertThat(http.asUser(manager, "GET", "/api/v1/audit?from=yesterday", null).statusCode()).isEqualTo(400);
    }

    /** The audit page for {@code query} once it holds {@code entries} (entries are written after the answer). */
    private static JsonNode awaitAudit(String query, int entries) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (;; Thread.sleep(50)) {
            HttpResponse<String> res = http.asUser(manager, "GET", "/api/v1/audit?" + query, null);
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            JsonNode page = json(res);
            if (page.get("items").size() >= entries || System.nanoTime() > deadline) {
                return page;
            }
        }
    }

    private static HttpResponse<String> direct(String method, String path, String body, String callerId, String roles,
                                               String kind) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.bookingUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("X-Internal-Token", system.internalToken())
                .header("X-Caller-Id", callerId)
                .header("X-Caller-Kind", kind);
        if (!roles.isEmpty()) {
            request.header("X-Caller-Roles", roles);
        }
        return http.send(request);
    }

    private static String createCar(String plate, int mileage) {
        HttpResponse<String> created = http.asUser(manager, "POST", "/api/v1/cars", """
                {"plate":"%s","make":"Volkswagen","model":"Golf","year":2024,"category":"COMPACT","seats":5,
                 "transmission":"MANUAL","fuelType":"PETROL","dailyRate":{"currency":"EUR","amount":"40.00"},
                 "location":"BER-TXL","mileageKm":%d}""".formatted(plate + "-" + UUID.randomUUID().toString().substring(0, 4),
                mileage));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static String booking(String carId, Instant from, Instant to, String extra) {
        return """
                {"carId":"%s","from":"%s","to":"%s"%s,
                 "customer":{"name":"Mallory Partner","email":"mallory@example.com","phone":"+49 30 1234567",
                             "licenseNumber":"MAL0RY123"}}""".formatted(carId, from, to, extra);
    }
}
