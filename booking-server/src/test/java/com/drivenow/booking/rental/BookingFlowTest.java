package com.drivenow.booking.rental;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rental life cycle against a real inventory server, PostgreSQL and broker. */
class BookingFlowTest {

    private static Inventory inventory;
    private static TestBooking booking;
    private static Http api;
    private static final AtomicInteger PLATES = new AtomicInteger();

    @BeforeAll
    static void start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("booking-flow");
        inventory = Inventory.start("booking_flow", namespace, infra.amqp());
        booking = TestBooking.start("booking_flow", namespace, infra.amqp(), inventory.url());
        api = booking.http();
    }

    @AfterAll
    static void stop() {
        booking.close();
        inventory.close();
    }

    static String newCar() {
        return inventory.createCar("B-FL " + PLATES.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4))
                .get("id").asText();
    }

    static Instant soon() {
        return Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void pickUpAndReturnMoveTheCarInInventory() {
        String carId = newCar();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Answer created = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(3)), false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode b = created.json();
        assertThat(created.location()).isEqualTo("/api/v1/bookings/" + b.get("id").asText());
        assertThat(b.get("status").asText()).isEqualTo("RESERVED");
        assertThat(b.get("availabilityCheck").asText()).isEqualTo("LIVE");
        assertThat(b.get("price").get("amount").asText()).isEqualTo("135.00");
        assertThat(b.get("price").get("currency").asText()).isEqualTo("EUR");
        assertThat(b.get("priceBreakdown").get("days").asInt()).isEqualTo(3);
        assertThat(b.get("car").get("make").asText()).isEqualTo("Volkswagen");
        assertThat(b.get("createdBy").asText()).isEqualTo("system");
        String id = b.get("id").asText();

        Http.Answer picked = api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":12010}");
        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        assertThat(picked.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(picked.json().get("mileageOutKm").asLong()).isEqualTo(12010);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> inventory.carStatus(carId).equals("RENTED"));

        Http.Answer returned = api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":12400,\"fuelPercent\":80}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().get("mileageInKm").asLong()).isEqualTo(12400);
        assertThat(returned.json().get("price").get("amount").asText()).isEqualTo("135.00");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> inventory.carStatus(carId).equals("AVAILABLE"));
        assertThat(inventory.http().get("/api/v1/cars/" + carId).json().get("mileageKm").asLong()).isEqualTo(12400);
        assertThat(api.get("/api/v1/bookings/" + id).json().get("returnedAt").isNull()).isFalse();
    }

    @Test
    void lifeCycleStepsOutOfOrderAre409WithAReason() {
        String carId = newCar();
        Instant from = soon();
        String id = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(1)), false))
                .json().get("id").asText();
        assertConflict(api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":1,\"fuelPercent\":50}"), "RESERVED");
        assertThat(api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":12000}").status()).isEqualTo(200);
        assertConflict(api.post("/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"changed mind\"}"), "return");
        assertConflict(api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":12000}"), "already picked up");
        Http.Answer lowMileage = api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":11999,\"fuelPercent\":50}");
        assertThat(lowMileage.status()).isEqualTo(400);
        assertThat(lowMileage.json().get("errors").get(0).get("field").asText()).isEqualTo("mileageKm");
        assertThat(api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":12000,\"fuelPercent\":50}").status())
                .isEqualTo(200);
        assertConflict(api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":12000,\"fuelPercent\":50}"), "already returned");
        assertConflict(api.post("/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"x\"}"), "already returned");

        String other = api.post("/api/v1/bookings", body(carId, from.plus(Duration.ofDays(2)), from.plus(Duration.ofDays(3)), false))
                .json().get("id").asText();
        Http.Answer cancelled = api.post("/api/v1/bookings/" + other + "/cancel", "{\"reason\":\"customer called\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asText()).isEqualTo("customer called");
        assertConflict(api.post("/api/v1/bookings/" + other + "/pickup", "{\"mileageKm\":12000}"), "cancelled");
        assertConflict(api.post("/api/v1/bookings/" + other + "/cancel", "{\"reason\":\"again\"}"), "already cancelled");
    }

    @Test
    void overlappingWindowsAreRefusedButBackToBackAndCancelledOnesAreFine() {
        String carId = newCar();
        Instant from = soon();
        Instant to = from.plus(Duration.ofDays(2));
        Http.Answer firstAnswer = api.post("/api/v1/bookings", body(carId, from, to, false));
        assertThat(firstAnswer.status()).as(firstAnswer.body()).isEqualTo(201);
        Http.Answer overlap = api.post("/api/v1/bookings", body(carId, to.minusSeconds(1), to.plus(Duration.ofDays(1)), false));
        assertConflict(overlap, "taken for an overlapping window");
        Http.Answer backToBack = api.post("/api/v1/bookings", body(carId, to, to.plus(Duration.ofDays(1)), false));
        assertThat(backToBack.status()).isEqualTo(201);
        api.post("/api/v1/bookings/" + backToBack.json().get("id").asText() + "/cancel", "{\"reason\":\"freed\"}");
        assertThat(api.post("/api/v1/bookings", body(carId, to, to.plus(Duration.ofHours(5)), false)).status()).isEqualTo(201);
    }

    @Test
    void aCarThatIsNotBackBlocksTheNextPickUp() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Answer walkIn = api.post("/api/v1/bookings", body(carId, now, now.plus(Duration.ofHours(2)), true));
        assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
        assertThat(walkIn.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(walkIn.json().get("mileageOutKm").asLong()).as("walk-in mileage out is the car's mileage").isEqualTo(12000);
        String next = api.post("/api/v1/bookings",
                body(carId, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(4)), false)).json().get("id").asText();
        assertConflict(api.post("/api/v1/bookings/" + next + "/pickup", "{\"mileageKm\":12000}"), "not back yet");
        api.post("/api/v1/bookings/" + walkIn.json().get("id").asText() + "/return", "{\"mileageKm\":12100,\"fuelPercent\":90}");
        Http.Answer early = api.post("/api/v1/bookings/" + next + "/pickup", "{\"mileageKm\":12100}");
        assertThat(early.status()).as("early pick-up once the car is back").isEqualTo(200);
    }

    @Test
    void aWalkInTakesTheOdometerReadAtTheCounterButNeverBelowTheFleetsRecord() {
        String carId = newCar();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String walkIn = body(carId, now, now.plus(Duration.ofHours(3)), true);
        assertThat(api.post("/api/v1/bookings", walkIn.replace("\"pickUpNow\"", "\"mileageKm\":11999,\"pickUpNow\"")).status())
                .as("below the recorded 12000 km").isEqualTo(400);
        Http.Answer read = api.post("/api/v1/bookings", walkIn.replace("\"pickUpNow\"", "\"mileageKm\":12042,\"pickUpNow\""));
        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertThat(read.json().get("mileageOutKm").asLong()).isEqualTo(12042);
        Http.Answer reservationWithMileage = api.post("/api/v1/bookings",
                body(carId, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(6)), false)
                        .replace("\"pickUpNow\"", "\"mileageKm\":12042,\"pickUpNow\""));
        assertThat(reservationWithMileage.status()).isEqualTo(400);
        assertThat(reservationWithMileage.body()).contains("mileageKm");
    }

    @Test
    void unknownRetiredAndMaintenanceCarsAreRefused() {
        Instant from = soon();
        Http.Answer unknown = api.post("/api/v1/bookings", body(UUID.randomUUID().toString(), from, from.plusSeconds(3600), false));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        String carId = newCar();
        assertThat(inventory.http().post("/api/v1/cars/" + carId + "/maintenance", null).status()).isEqualTo(200);
        assertConflict(api.post("/api/v1/bookings", body(carId, from, from.plusSeconds(3600), false)), "maintenance");
    }

    @Test
    void aCarTakenIntoMaintenanceAfterItWasBookedIsNotHandedOver() {
        String carId = newCar();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(1)), false))
                .json().get("id").asText();
        // A fleet manager takes the car into maintenance after the booking was made...
        assertThat(inventory.http().post("/api/v1/cars/" + carId + "/maintenance", null).status()).isEqualTo(200);
        String query = "/api/v1/availability?from=" + from.plus(Duration.ofDays(2)) + "&to=" + from.plus(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ids(api.get(query).json()).contains(carId));
        // ...so once the booking server knows, the desk cannot hand it over.
        assertConflict(api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":12000}"), "maintenance");
        // (Inventory may also have answered the booking.created it saw after the maintenance began.)
        JsonNode after = api.get("/api/v1/bookings/" + id).json();
        assertThat(after.get("status").asText()).isIn("RESERVED", "NEEDS_ATTENTION");
        assertThat(after.get("pickedUpAt").isNull()).as(after.toString()).isTrue();
    }

    @Test
    void listingsFilterSearchAndPage() {
        String carId = newCar();
        Instant from = soon().plus(Duration.ofDays(20));
        for (int i = 0; i < 3; i++) {
            Instant start = from.plus(Duration.ofDays(i));
            api.post("/api/v1/bookings", body(carId, start, start.plus(Duration.ofHours(6)), false).replace("Ada Lovelace", "Grace Hopper " + i));
        }
        Http.Answer first = api.get("/api/v1/bookings?carId=" + carId + "&page=0&size=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("customer").get("name").asText()).isEqualTo("Grace Hopper 0");
        assertThat(api.get("/api/v1/bookings?carId=" + carId + "&page=1&size=2").json().get("items").get(0)
                .get("customer").get("name").asText()).isEqualTo("Grace Hopper 2");
        assertThat(api.get("/api/v1/bookings?q=hopper%201").json().get("total").asLong()).isEqualTo(1);
        String plate = page.get("items").get(0).get("car").get("plate").asText();
        assertThat(api.get("/api/v1/bookings?q=" + plate.replace(" ", "%20")).json().get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/bookings?carId=" + carId + "&from=" + from.plus(Duration.ofDays(1))
                + "&to=" + from.plus(Duration.ofDays(1)).plusSeconds(60)).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/bookings?carId=" + carId + "&status=CANCELLED").json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/bookings?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void integrationsOnlySeeAndCancelTheirOwnBookings() {
        String carId = newCar();
        Instant from = soon();
        Http.Answer mine = api.call(Method.POST, "/api/v1/bookings", body(carId, from, from.plusSeconds(7200), false),
                r -> r.header(io.helidon.http.HeaderNames.create("X-Caller-Id"), "partner-a")
                        .header(io.helidon.http.HeaderNames.create("X-Caller-Kind"), "INTEGRATION"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.json().get("createdBy").asText()).isEqualTo("partner-a");
        String id = mine.json().get("id").asText();
        Http.Answer asOther = api.call(Method.GET, "/api/v1/bookings/" + id, null,
                r -> r.header(io.helidon.http.HeaderNames.create("X-Caller-Id"), "partner-b")
                        .header(io.helidon.http.HeaderNames.create("X-Caller-Kind"), "INTEGRATION"));
        assertThat(asOther.status()).isEqualTo(404);
        Http.Answer cancelAsOther = api.call(Method.POST, "/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"x\"}",
                r -> r.header(io.helidon.http.HeaderNames.create("X-Caller-Id"), "partner-b")
                        .header(io.helidon.http.HeaderNames.create("X-Caller-Kind"), "INTEGRATION"));
        assertThat(cancelAsOther.status()).isEqualTo(404);
        JsonNode listed = api.call(Method.GET, "/api/v1/bookings", null,
                r -> r.header(io.helidon.http.HeaderNames.create("X-Caller-Id"), "partner-b")
                        .header(io.helidon.http.HeaderNames.create("X-Caller-Kind"), "INTEGRATION")).json();
        assertThat(listed.get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/bookings/" + id).status()).as("agents see every booking").isEqualTo(200);
    }

    @Test
    void availabilityLeavesOutBookedAndOutOfServiceCars() {
        String free = newCar();
        String booked = newCar();
        String maintained = newCar();
        inventory.http().post("/api/v1/cars/" + maintained + "/maintenance", null);
        Instant from = soon().plus(Duration.ofDays(40));
        Instant to = from.plus(Duration.ofDays(2));
        api.post("/api/v1/bookings", body(booked, from.plus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)), false));
        String query = "/api/v1/availability?from=" + from + "&to=" + to + "&category=economy&location=BER-TXL";
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api.get(query).json()).contains(free)
                && !ids(api.get(query).json()).contains(maintained));
        JsonNode answer = api.get(query).json();
        assertThat(ids(answer)).contains(free).doesNotContain(booked, maintained);
        JsonNode item = answer.get("items").get(0);
        assertThat(item.get("quote").get("amount").asText()).isEqualTo("90.00");
        assertThat(item.get("car").get("plate").asText()).isNotBlank();
        assertThat(api.get("/api/v1/availability?from=" + to + "&to=" + from).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/availability?from=" + from + "&to=" + to + "&category=SPACESHIP").status()).isEqualTo(400);
    }

    private static java.util.List<String> ids(JsonNode availability) {
        assertThat(availability.has("items")).as(availability.toString()).isTrue();
        java.util.List<String> ids = new java.util.ArrayList<>();
        availability.get("items").forEach(i -> ids.add(i.get("car").get("id").asText()));
        return ids;
    }

    static void assertConflict(Http.Answer answer, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).containsIgnoringCase(detail);
    }
}
