package com.drivenow.gateway.endtoend;

import com.drivenow.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the inventory server stopped, the fleet answers 503 but the counter keeps selling. */
class InventoryOutageTest {

    private static RealSystem system;
    private static Http http;

    @BeforeAll
    static void start() {
        system = new RealSystem("gateway_outage");
        http = system.http();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void bookingsGoThroughAsCachedWhileInventoryIsDownAndReachItAfterwards() {
        String manager = http.token("manager");
        String agent = http.token("agent");
        HttpResponse<String> car = http.asUser(manager, "POST", "/api/v1/cars", """
                {"plate":"E2E-OUT1","make":"Skoda","model":"Octavia","year":2024,"category":"MIDSIZE","seats":5,
                 "transmission":"AUTOMATIC","fuelType":"DIESEL","dailyRate":{"currency":"EUR","amount":"59.00"},
                 "location":"BER-TXL","mileageKm":30000}""");
        assertThat(car.statusCode()).as(car.body()).isEqualTo(201);
        String carId = json(car).get("id").asText();
        // The booking server learns the car from the fleet event before inventory goes away.
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(http.asUser(agent, "GET",
                "/api/v1/availability?from=" + from + "&to=" + from.plus(Duration.ofDays(1)), null))
                .get("items").toString().contains(carId));

        system.stopInventory();
        HttpResponse<String> fleet = http.asUser(agent, "GET", "/api/v1/cars/" + carId, null);
        assertThat(fleet.statusCode()).isEqualTo(503);
        assertThat(fleet.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.send(http.request("/health")).statusCode()).isEqualTo(503);

        HttpResponse<String> booked = http.asUser(agent, "POST", "/api/v1/bookings", """
                {"carId":"%s","from":"%s","to":"%s",
                 "customer":{"name":"Linus Offline","email":"linus@example.com","phone":"+358 9 123",
                             "licenseNumber":"FI-1991-LT"}}""".formatted(carId, from, from.plus(Duration.ofDays(2))));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = json(booked);
        assertThat(booking.get("availabilityCheck").asText()).isEqualTo("CACHED");
        assertThat(booking.get("price").get("amount").asText()).isEqualTo("118.00");

        system.startInventory();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.asUser(agent, "GET", "/api/v1/cars/" + carId, null).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> system.inventoryAppliedEvents() == 1);
        HttpResponse<String> retire = http.asUser(manager, "POST", "/api/v1/cars/" + carId + "/retire", null);
        assertThat(retire.statusCode())
                .as("the booking taken while inventory was down reached it: the car has an open booking")
                .isEqualTo(409);
    }
}
