package com.drivenow.booking.rental;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bookings go from branch to branch: opening hours and holidays in the branch's zone, key box, one-way, DST. */
class BranchRoutesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static Inventory inventory;
    private static TestBooking booking;
    private static Http api;

    @BeforeAll
    static void start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("branch-routes");
        inventory = Inventory.start("branch_routes", namespace, infra.amqp());
        booking = TestBooking.start("branch_routes", namespace, infra.amqp(), inventory.url());
        api = booking.http();
        addBranch("HAM-OPEN", false, "[\"" + LocalDate.now(BERLIN).plusDays(10) + "\"]");
        addBranch("HAM-BOX", true, "[]");
        TestBranches.ensure(inventory.url(), TestBooking.TOKEN, "OW-FROM");
        TestBranches.ensure(inventory.url(), TestBooking.TOKEN, "OW-TO");
    }

    @AfterAll
    static void stop() {
        booking.close();
        inventory.close();
    }

    /** Open every day 08:00-18:00 Berlin time; a key box with a EUR 25.00 fee when {@code keyBox}. */
    private static void addBranch(String code, boolean keyBox, String closedDates) {
        String day = "[{\"opens\":\"08:00\",\"closes\":\"18:00\"}]";
        Http.Answer created = inventory.http().post("/api/v1/branches", """
                {"code":"%s","name":"Hamburg %s","address":"Hamburg","timeZone":"Europe/Berlin","country":"DE",
                 "currency":"EUR","openingHours":{"MONDAY":%s,"TUESDAY":%s,"WEDNESDAY":%s,"THURSDAY":%s,
                 "FRIDAY":%s,"SATURDAY":%s,"SUNDAY":%s},"closedDates":%s,"afterHoursReturns":%s,"afterHoursFee":"25.00"}"""
                .formatted(code, code, day, day, day, day, day, day, day, closedDates, keyBox));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aPickUpOrReturnOutsideTheHoursOrOnAHolidayIsRefusedNamingTheHours() {
        String carId = carAt("HAM-OPEN");
        Instant early = localTime(3, 6);
        Http.Answer tooEarly = api.post("/api/v1/bookings", body(carId, early, localTime(4, 12), false));
        assertInvalid(tooEarly, "from", "open 08:00-18:00");
        assertThat(tooEarly.body()).contains("Europe/Berlin").contains("06:00 local time is outside");
        Http.Answer holiday = api.post("/api/v1/bookings", body(carId, localTime(10, 9), localTime(11, 12), false));
        assertInvalid(holiday, "from", "closed all day on " + LocalDate.now(BERLIN).plusDays(10));
        Http.Answer lateReturn = api.post("/api/v1/bookings", body(carId, localTime(3, 9), localTime(4, 20), false));
        assertInvalid(lateReturn, "to", "no key box");
        Http.Answer inHours = api.post("/api/v1/bookings", body(carId, localTime(3, 9), localTime(4, 17), false));
        assertThat(inHours.status()).as(inHours.body()).isEqualTo(201);
        assertThat(inHours.json().get("pickUpBranch").asText()).isEqualTo("HAM-OPEN");
        assertThat(inHours.json().get("returnBranch").asText()).isEqualTo("HAM-OPEN");
        assertThat(inHours.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aReturnAfterHoursToTheKeyBoxIsAFeeLineOfThePrice() {
        String carId = carAt("HAM-BOX");
        Http.Answer created = api.post("/api/v1/bookings", body(carId, localTime(5, 9), localTime(6, 21), false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode breakdown = created.json().get("priceBreakdown");
        assertThat(breakdown.get("fees").get(0).get("name").asText()).contains("after-hours return").contains("HAM-BOX");
        assertThat(breakdown.get("fees").get(0).get("amount").get("amount").asText()).isEqualTo("25.00");
        // 09:00 to 21:00 the next day: 2 started days at EUR 45.00, plus the key box.
        assertThat(created.json().get("price").get("amount").asText()).isEqualTo("115.00");
        String id = created.json().get("id").asText();
        Http.Answer read = api.get("/api/v1/bookings/" + id);
        assertThat(read.json().get("priceBreakdown")).as(read.body()).isEqualTo(breakdown);
    }

    @Test
    void aOneWayRentalPaysItsFeeCountsAtTheReturnBranchAndMovesTheCarThere() {
        String carId = carAt("OW-FROM");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant to = now.plus(Duration.ofDays(1));
        String oneWay = body(carId, now, to, true).replace("\"pickUpNow\"", "\"returnBranch\":\"ow-to\",\"pickUpNow\"");
        Http.Answer created = api.post("/api/v1/bookings", oneWay);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("returnBranch").asText()).isEqualTo("OW-TO");
        assertThat(created.json().get("priceBreakdown").get("fees").get(0).get("name").asText())
                .isEqualTo("one-way OW-FROM to OW-TO");
        assertThat(created.json().get("price").get("amount").asText()).isEqualTo("94.00");

        // After the rental ends, the car is expected at OW-TO even before it is back.
        Instant later = to.plus(Duration.ofHours(2));
        String window = "/api/v1/availability?from=" + later + "&to=" + later.plus(Duration.ofHours(5)) + "&location=";
        assertThat(ids(api.get(window + "OW-TO").json())).contains(carId);
        assertThat(ids(api.get(window + "OW-FROM").json())).doesNotContain(carId);

        String id = created.json().get("id").asText();
        Http.Answer returned = api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":12300,\"fuelPercent\":80}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> inventory.http().get("/api/v1/cars/" + carId).json().get("location").asText().equals("OW-TO"));
        assertThat(inventory.carStatus(carId)).isEqualTo("AVAILABLE");
    }

    @Test
    void aRouteFromAnotherBranchOrToAnUnknownOneIsRefused() {
        String carId = carAt("OW-FROM");
        Instant from = Instant.now().plus(Duration.ofDays(2));
        Http.Answer elsewhere = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(1)), false)
                .replace("\"pickUpNow\"", "\"pickUpBranch\":\"OW-TO\",\"pickUpNow\""));
        assertInvalid(elsewhere, "pickUpBranch", "the car stands at OW-FROM");
        Http.Answer unknown = api.post("/api/v1/bookings", body(carId, from, from.plus(Duration.ofDays(1)), false)
                .replace("\"pickUpNow\"", "\"returnBranch\":\"ATLANTIS\",\"pickUpNow\""));
        assertInvalid(unknown, "returnBranch", "there is no branch ATLANTIS");
    }

    @Test
    void aWeekendAcrossTheEndOfSummerTimeIsTwoDaysNotThree() {
        String carId = carAt("OW-FROM");
        ZonedDateTime saturday = ZonedDateTime.of(2027, 10, 30, 10, 0, 0, 0, BERLIN);
        Http.Answer created = api.post("/api/v1/bookings", body(carId, saturday.toInstant(),
                saturday.plusDays(2).toInstant(), false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Duration.between(saturday.toInstant(), saturday.plusDays(2).toInstant()).toHours()).isEqualTo(49);
        assertThat(created.json().get("priceBreakdown").get("days").asLong()).isEqualTo(2);
        assertThat(created.json().get("price").get("amount").asText()).isEqualTo("90.00");
        String other = carAt("OW-FROM");
        String query = "/api/v1/availability?from=" + saturday.toInstant() + "&to=" + saturday.plusDays(2).toInstant();
        JsonNode offer = offerFor(other, query);
        assertThat(offer.get("quote").get("amount").asText()).as("quoted as charged").isEqualTo("90.00");
    }

    private static String carAt(String branch) {
        String carId = inventory.createCarAt("B-RT " + UUID.randomUUID().toString().substring(0, 6), branch)
                .get("id").asText();
        Instant from = Instant.now().plus(Duration.ofDays(300)).atZone(BERLIN).withHour(12).toInstant();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/availability?from=" + from + "&to="
                + from.plusSeconds(60)).body().contains(carId));
        return carId;
    }

    /** {@code days} from today at {@code hour}:00 Berlin time. */
    private static Instant localTime(int days, int hour) {
        return LocalDate.now(BERLIN).plusDays(days).atTime(hour, 0).atZone(BERLIN).toInstant();
    }

    private static JsonNode offerFor(String carId, String query) {
        for (JsonNode item : api.get(query).json().get("items")) {
            if (item.get("car").get("id").asText().equals(carId)) {
                return item;
            }
        }
        throw new AssertionError("no offer for " + carId);
    }

    private static List<String> ids(JsonNode availability) {
        List<String> ids = new ArrayList<>();
        availability.get("items").forEach(i -> ids.add(i.get("car").get("id").asText()));
        return ids;
    }

    private static void assertInvalid(Http.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        List<String> found = new ArrayList<>();
        answer.json().get("errors").forEach(e -> {
            if (e.get("field").asText().equals(field)) {
                found.add(e.get("message").asText());
            }
        });
        assertThat(found).as(answer.body()).anySatisfy(m -> assertThat(m).contains(message));
    }
}
