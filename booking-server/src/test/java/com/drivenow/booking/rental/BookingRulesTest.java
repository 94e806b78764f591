package com.drivenow.booking.rental;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Races, idempotency keys, refused input, and the operational endpoints. */
class BookingRulesTest {

    private static Inventory inventory;
    private static TestBooking booking;
    private static Http api;

    @BeforeAll
    static void start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("booking-rules");
        inventory = Inventory.start("booking_rules", namespace, infra.amqp());
        booking = TestBooking.start("booking_rules", namespace, infra.amqp(), inventory.url());
        api = booking.http();
    }

    @AfterAll
    static void stop() {
        booking.close();
        inventory.close();
    }

    private static String newCar() {
        String carId = inventory.createCar("B-RU " + UUID.randomUUID().toString().substring(0, 6)).get("id").asText();
        Instant from = Instant.now().plus(Duration.ofDays(300));
        // Wait until the fleet event reached the booking server's copy, so every path knows the car.
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/availability?from=" + from + "&to="
                + from.plusSeconds(60)).body().contains(carId));
        return carId;
    }

    private static Instant soon() {
        return Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void fiftyDesksBookingTheSameCarAtOnceGiveExactlyOneBooking() throws Exception {
        String carId = newCar();
        Instant from = soon();
        List<Integer> statuses = race(50, i -> () -> api.post("/api/v1/bookings",
                body(carId, from.plus(Duration.ofMinutes(i)), from.plus(Duration.ofHours(5)), false)).status());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(api.get("/api/v1/bookings?carId=" + carId).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/metrics").body()).contains("booking_conflicts");
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheFirstAnswerAgain() {
        String carId = newCar();
        Instant from = soon();
        String request = body(carId, from, from.plus(Duration.ofDays(1)), false);
        Http.Answer first = withKey("key-1", request);
        Http.Answer second = withKey("key-1", request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(api.get("/api/v1/bookings?carId=" + carId).json().get("total").asLong()).isEqualTo(1);

        Http.Answer otherBody = withKey("key-1", body(carId, from.plus(Duration.ofDays(2)), from.plus(Duration.ofDays(3)), false));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        // Keys belong to a caller: another caller's same key is a new request.
        Http.Answer otherCaller = api.call(Method.POST, "/api/v1/bookings",
                body(carId, from.plus(Duration.ofDays(2)), from.plus(Duration.ofDays(3)), false),
                r -> r.header(HeaderNames.create("Idempotency-Key"), "key-1").header(HeaderNames.create("X-Caller-Id"), "desk-7"));
        assertThat(otherCaller.status()).isEqualTo(201);
        assertThat(otherCaller.json().get("id")).isNotEqualTo(first.json().get("id"));
    }

    @Test
    void concurrentRequestsWithTheSameKeyMakeOneBooking() throws Exception {
        String carId = newCar();
        Instant from = soon();
        String request = body(carId, from, from.plus(Duration.ofDays(1)), false);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = race(10, i -> () -> {
            Http.Answer answer = withKey("same-key", request);
            if (answer.status() == 201) {
                ids.add(answer.json().get("id").asText());
            }
            return answer.status();
        });
        assertThat(statuses).containsOnly(201);
        assertThat(ids).hasSize(1);
        assertThat(api.get("/api/v1/bookings?carId=" + carId).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void invalidBookingsAre400WithTheFields() {
        String carId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.minus(Duration.ofMinutes(16)), now.plusSeconds(3600), false)), "from");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(7200), now.plusSeconds(3600), false)), "to");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plus(Duration.ofDays(91)), false)), "to");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)), true)), "from");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace("ada@example.com", "not-an-email")), "customer.email");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace("Ada Lovelace", " ")), "customer.name");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace("+49 30 1234567", "call me")), "customer.phone");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace("B072RRE2I55", "#!")), "customer.licenseNumber");
        assertInvalid(api.post("/api/v1/bookings", "{\"carId\":\"" + carId + "\"}"), "from");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace("\"pickUpNow\"", "\"discount\":50,\"pickUpNow\"")), "discount");
        assertInvalid(api.post("/api/v1/bookings", body("5", now.plusSeconds(60), now.plusSeconds(3600), false)), "carId");
        assertInvalid(api.post("/api/v1/bookings", body(carId, now.plusSeconds(60), now.plusSeconds(3600), false)
                .replace(now.plusSeconds(60).toString(), "2026-02-30T10:00:00Z")), "from");
        assertProblem(api.post("/api/v1/bookings", "{\"carId\": "), 400);
        assertProblem(api.post("/api/v1/bookings", "null"), 400);
        assertProblem(api.call(Method.POST, "/api/v1/bookings", null,
                r -> r.header(HeaderNames.CONTENT_TYPE, "text/plain")), 415);
    }

    @Test
    void invalidLifeCycleCallsAreClientErrors() {
        String id = UUID.randomUUID().toString();
        assertInvalid(api.post("/api/v1/bookings/" + id + "/pickup", "{\"mileageKm\":-1}"), "mileageKm");
        assertInvalid(api.post("/api/v1/bookings/" + id + "/return", "{\"mileageKm\":10,\"fuelPercent\":101}"), "fuelPercent");
        assertInvalid(api.post("/api/v1/bookings/" + id + "/cancel", "{}"), "reason");
        assertProblem(api.post("/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"x\"}"), 404);
        assertProblem(api.get("/api/v1/bookings/not-a-uuid"), 404);
        assertProblem(api.call(Method.DELETE, "/api/v1/bookings/" + id, null, r -> r), 405);
        assertProblem(api.post("/api/v1/bookings/" + id + "/teleport", "{}"), 405);
        assertProblem(api.get("/api/v1/availability?from=yesterday&to=tomorrow"), 400);
        assertProblem(api.get("/api/v1/bookings?page=-1"), 400);
    }

    @Test
    void onlyTheGatewayAndSiblingsGetIn() {
        assertProblem(new Http(booking.port(), "wrong-token").get("/api/v1/bookings"), 401);
    }

    @Test
    void healthAndMetricsAnswerAtTheirPaths() {
        Http anyone = new Http(booking.port(), "no-token-needed");
        Http.Answer health = anyone.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).contains("database");
        String carId = newCar();
        api.post("/api/v1/bookings", body(carId, soon(), soon().plusSeconds(3600), false));
        Http.Answer metrics = anyone.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("bookings_created_total").contains("outbox_backlog_messages");
    }

    private static Http.Answer withKey(String key, String request) {
        return api.call(Method.POST, "/api/v1/bookings", request,
                r -> r.header(HeaderNames.create("Idempotency-Key"), key));
    }

    /** Runs {@code n} calls released at the same instant; returns their results. */
    private static <T> List<T> race(int n, java.util.function.IntFunction<Supplier<T>> call) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Supplier<T> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return work.get();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    private static void assertInvalid(Http.Answer answer, String field) {
        JsonNode problem = assertProblem(answer, 400);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(answer.body()).contains(field);
    }

    private static JsonNode assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json();
    }
}
