package com.drivenow.inventory.car;

import com.drivenow.inventory.TestInventory;
import com.drivenow.inventory.TestInventory.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The public car endpoints against a real server and PostgreSQL. */
class CarsApiTest {

    private static final String CARS = "/api/v1/cars";
    private static TestInventory inventory;

    @BeforeAll
    static void start() {
        inventory = TestInventory.start("cars-api");
    }

    @AfterAll
    static void stop() {
        inventory.close();
    }

    @Test
    void createReturns201WithLocationAndTheCarAsApiMdShowsIt() {
        Answer created = inventory.post(CARS, TestInventory.carJson(" b-cr 101 ", "suv", "ber-txl"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode car = created.json();
        assertThat(created.location()).isEqualTo(CARS + "/" + car.get("id").asText());
        assertThat(iterable(car.fieldNames())).containsExactly("id", "plate", "make", "model", "year", "category",
                "seats", "transmission", "fuelType", "dailyRate", "location", "mileageKm", "status", "version",
                "createdAt", "updatedAt");
        assertThat(car.get("plate").asText()).isEqualTo("B-CR 101");
        assertThat(car.get("category").asText()).isEqualTo("SUV");
        assertThat(car.get("location").asText()).isEqualTo("BER-TXL");
        assertThat(car.get("dailyRate").toString()).isEqualTo("{\"currency\":\"EUR\",\"amount\":\"45.00\"}");
        assertThat(car.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(car.get("version").asLong()).isEqualTo(1);
        assertThat(car.get("createdAt").asText()).endsWith("Z");

        Answer read = inventory.get(created.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(car);
        assertThat(read.etag()).isEqualTo("\"1\"");
    }

    @Test
    void aDuplicatePlateIs409EvenWrittenDifferently() {
        inventory.createCar("B-DUP 1");
        Answer duplicate = inventory.post(CARS, TestInventory.carJson("b-dup  1", "ECONOMY", "BER-TXL"));
        assertProblem(duplicate, 409);
        assertThat(duplicate.json().get("detail").asText()).contains("B-DUP 1");
    }

    @Test
    void ofTenConcurrentCreatesOfOnePlateExactlyOneSucceeds() throws Exception {
        List<Integer> statuses = concurrently(10,
                () -> inventory.post(CARS, TestInventory.carJson("B-RACE 1", "ECONOMY", "BER-TXL")).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(inventory.get(CARS + "?q=B-RACE").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anInvalidCarIs400ListingEveryBadField() {
        Answer answer = inventory.post(CARS, """
                {"plate":"???","make":" ","model":"Golf","year":1970,"category":"TANK","seats":12,
                 "transmission":"CVT","fuelType":"COAL","dailyRate":{"currency":"XYZ","amount":"45.001"},
                 "location":"Berlin Tegel","mileageKm":-5}""");
        assertProblem(answer, 400);
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("plate", "make", "year", "category", "seats", "transmission",
                "fuelType", "dailyRate.currency", "dailyRate.amount", "location", "mileageKm");
    }

    @Test
    void missingFieldsAreNamedToo() {
        Answer answer = inventory.post(CARS, "{\"plate\":\"B-MISS 1\"}");
        assertProblem(answer, 400);
        assertThat(answer.json().get("errors")).hasSize(9);
    }

    @Test
    void unreadableBodiesAre400Or415NeverA500() {
        assertProblem(inventory.post(CARS, "{\"plate\":"), 400);
        Answer unknownField = inventory.post(CARS, "{\"plate\":\"B-X 1\",\"colour\":\"red\"}");
        assertProblem(unknownField, 400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");
        Answer wrongType = inventory.post(CARS, TestInventory.carJson("B-X 2", "ECONOMY", "BER-TXL")
                .replace("\"year\":2024", "\"year\":\"new\""));
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("year");
        Answer amountAsNumber = inventory.post(CARS, TestInventory.carJson("B-X 3", "ECONOMY", "BER-TXL")
                .replace("\"45.00\"", "45.00"));
        assertProblem(amountAsNumber, 400);
        assertProblem(inventory.post(CARS, "[]"), 400);
        assertProblem(inventory.call(Method.POST, CARS, null,
                r -> r.header(HeaderNames.CONTENT_TYPE, "text/plain")), 415);
    }

    @Test
    void unknownCarsAndRoutesAre404AndWrongMethods405() {
        assertProblem(inventory.get(CARS + "/" + UUID.randomUUID()), 404);
        assertProblem(inventory.get(CARS + "/not-a-uuid"), 404);
        assertProblem(inventory.patch(CARS + "/" + UUID.randomUUID(), "{\"make\":\"Audi\"}"), 404);
        assertProblem(inventory.post(CARS + "/" + UUID.randomUUID() + "/retire", null), 404);
        assertProblem(inventory.get("/api/v1/nothing-here"), 404);
        assertProblem(inventory.delete(CARS), 405);
        assertProblem(inventory.call(Method.PUT, CARS + "/" + UUID.randomUUID(), "{}", r -> r), 405);
        assertProblem(inventory.get(CARS + "/" + UUID.randomUUID() + "/retire"), 405);
    }

    @Test
    void withoutTheInternalTokenOnlyHealthAndMetricsAnswer() {
        assertProblem(inventory.getWithoutToken(CARS), 401);
        Answer health = inventory.getWithoutToken("/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode checks = health.json().get("checks");
        assertThat(checks.toString()).contains("database").contains("broker");
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        Answer metrics = inventory.getWithoutToken("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("inventory_cars").contains("inventory_booking_events_applied")
                .contains("inventory_outbox_backlog");
    }

    @Test
    void listingFiltersAndPagesInAStableOrderWithATotal() {
        inventory.createCar("F-LST 3", "VAN", "FRA-HBF");
        inventory.createCar("F-LST 1", "VAN", "FRA-HBF");
        inventory.createCar("F-LST 2", "VAN", "FRA-APT");
        inventory.createCar("F-LST 4", "LUXURY", "FRA-HBF");

        JsonNode vans = inventory.get(CARS + "?category=van&location=FRA-HBF").json();
        assertThat(plates(vans)).containsExactly("F-LST 1", "F-LST 3");
        assertThat(vans.get("total").asLong()).isEqualTo(2);

        JsonNode first = inventory.get(CARS + "?q=f-lst&page=0&size=3").json();
        JsonNode second = inventory.get(CARS + "?q=f-lst&page=1&size=3").json();
        assertThat(plates(first)).containsExactly("F-LST 1", "F-LST 2", "F-LST 3");
        assertThat(plates(second)).containsExactly("F-LST 4");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);

        assertThat(inventory.get(CARS + "?q=GOLF&location=FRA-APT").json().get("total").asLong()).isEqualTo(1);
        assertThat(inventory.get(CARS + "?q=50%25_").json().get("total").asLong()).isZero();
        assertProblem(inventory.get(CARS + "?status=FLYING"), 400);
        assertProblem(inventory.get(CARS + "?size=0"), 400);
    }

    @Test
    void patchMergesTheGivenFieldsAndBumpsTheVersion() {
        String path = CARS + "/" + inventory.createCar("B-PAT 1").get("id").asText();
        Answer patched = inventory.call(Method.PATCH, path, "{\"model\":\"Golf Variant\",\"dailyRate\":{\"amount\":\"49.5\"}}",
                r -> r.header(HeaderNames.IF_MATCH, "\"1\""));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode car = patched.json();
        assertThat(car.get("model").asText()).isEqualTo("Golf Variant");
        assertThat(car.get("make").asText()).isEqualTo("Volkswagen");
        assertThat(car.get("dailyRate").toString()).isEqualTo("{\"currency\":\"EUR\",\"amount\":\"49.50\"}");
        assertThat(car.get("version").asLong()).isEqualTo(2);
        assertThat(patched.etag()).isEqualTo("\"2\"");

        Answer stale = inventory.call(Method.PATCH, path, "{\"seats\":4}", r -> r.header(HeaderNames.IF_MATCH, "\"1\""));
        assertProblem(stale, 409);
        assertThat(stale.json().get("detail").asText()).contains("version 2");

        Answer invalid = inventory.patch(path, "{\"seats\":0,\"make\":null,\"status\":\"RETIRED\"}");
        assertProblem(invalid, 400);
        assertThat(invalid.json().get("errors").toString()).contains("status");
        assertProblem(inventory.patch(path, "{\"mileageKm\":10}"), 400);
        assertThat(inventory.get(path).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void patchingToAnotherCarsPlateIs409() {
        inventory.createCar("B-TAKEN 1");
        String path = CARS + "/" + inventory.createCar("B-FREE 1").get("id").asText();
        assertProblem(inventory.patch(path, "{\"plate\":\"b-taken 1\"}"), 409);
    }

    @Test
    void ofConcurrentPatchesFromTheSameVersionExactlyOneWins() throws Exception {
        String path = CARS + "/" + inventory.createCar("B-CONC 1").get("id").asText();
        List<Integer> statuses = concurrently(8, () -> inventory.call(Method.PATCH, path,
                "{\"model\":\"Golf " + UUID.randomUUID() + "\"}", r -> r.header(HeaderNames.IF_MATCH, "\"1\"")).status());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(inventory.get(path).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void maintenanceOnAndOffThenRetireAfterWhichNothingChanges() {
        String path = CARS + "/" + inventory.createCar("B-LIFE 1").get("id").asText();
        JsonNode inShop = inventory.post(path + "/maintenance", null).json();
        assertThat(inShop.get("status").asText()).isEqualTo("MAINTENANCE");
        assertThat(inShop.get("version").asLong()).isEqualTo(2);
        assertThat(inventory.post(path + "/maintenance", null).json().get("version").asLong())
                .as("already in maintenance: nothing changes").isEqualTo(2);
        assertThat(inventory.delete(path + "/maintenance").json().get("status").asText()).isEqualTo("AVAILABLE");

        assertProblem(inventory.call(Method.POST, path + "/retire", null, r -> r.header(HeaderNames.IF_MATCH, "\"2\"")), 409);
        JsonNode retired = inventory.post(path + "/retire", null).json();
        assertThat(retired.get("status").asText()).isEqualTo("RETIRED");

        Answer patch = inventory.patch(path, "{\"make\":\"Audi\"}");
        assertProblem(patch, 409);
        assertThat(patch.json().get("detail").asText()).contains("retired");
        assertProblem(inventory.post(path + "/maintenance", null), 409);
        assertProblem(inventory.delete(path + "/maintenance"), 409);
        assertThat(inventory.get(path).json().get("status").asText()).isEqualTo("RETIRED");
    }

    @Test
    void bookabilityTellsTheBookingServerWhyNot() {
        JsonNode car = inventory.createCar("B-BOOK 1");
        String id = car.get("id").asText();
        String window = "?from=2030-01-01T10:00:00Z&to=2030-01-03T10:00:00Z";
        JsonNode free = inventory.get("/internal/cars/" + id + "/bookability" + window).json();
        assertThat(free.get("carId").asText()).isEqualTo(id);
        assertThat(free.get("bookable").asBoolean()).isTrue();
        assertThat(free.get("reason").isNull()).isTrue();
        assertThat(free.get("car").get("plate").asText()).isEqualTo("B-BOOK 1");

        inventory.post(CARS + "/" + id + "/maintenance", null);
        JsonNode inShop = inventory.get("/internal/cars/" + id + "/bookability" + window).json();
        assertThat(inShop.get("bookable").asBoolean()).isFalse();
        assertThat(inShop.get("reason").asText()).isEqualTo("MAINTENANCE");

        assertProblem(inventory.get("/internal/cars/" + UUID.randomUUID() + "/bookability" + window), 404);
        assertProblem(inventory.get("/internal/cars/" + id + "/bookability?from=2030-01-03T10:00:00Z&to=2030-01-01T10:00:00Z"), 400);
        assertProblem(inventory.get("/internal/cars/" + id + "/bookability"), 400);
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    }

    private static List<String> plates(JsonNode page) {
        List<String> plates = new ArrayList<>();
        page.get("items").forEach(car -> plates.add(car.get("plate").asText()));
        return plates;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        return StreamSupport.stream(((Iterable<T>) () -> it).spliterator(), false).toList();
    }

    /** Runs {@code call} on {@code threads} threads released at the same moment. */
    static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
