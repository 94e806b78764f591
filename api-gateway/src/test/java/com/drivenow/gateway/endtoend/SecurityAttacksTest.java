package com.drivenow.gateway.endtoend;

import com.drivenow.gateway.support.Http;
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

    @BeforeAll
    static void start() {
        system = new RealSystem("gateway_security");
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
