package com.drivenow.booking.resilience;

import com.drivenow.booking.support.Http;
import com.drivenow.booking.support.Inventory;
import com.drivenow.booking.support.TestBooking;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.drivenow.booking.support.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking server stopped (close(), what SIGTERM runs) while bookings are in flight: they all
 * complete with 201, a new request meanwhile gets the draining 503, and the relay publishes their
 * events before the server is gone (the outbox is empty, inventory hears of every booking).
 */
class GracefulStopTest {

    @Test
    void bookingsInFlightAtTheStopCompleteAndTheirEventsAreSent() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("graceful-stop");
        try (Inventory inventory = Inventory.start("graceful_stop", namespace, infra.amqp());
             TestBooking booking = TestBooking.start("graceful_stop", namespace, infra.amqp(), inventory.url())) {
            Http api = booking.http();
            String carId = inventory.createCar("B-GS " + UUID.randomUUID().toString().substring(0, 5)).get("id").asText();
            Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

            List<CompletableFuture<Http.Answer>> inFlight = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
                 Connection hold = DriverManager.getConnection(booking.databaseUrl());
                 Statement lock = hold.createStatement()) {
                // The bookings stop at their insert, midway: checked with inventory, not yet committed.
                hold.setAutoCommit(false);
                lock.execute("LOCK TABLE booking IN EXCLUSIVE MODE");
                for (int i = 0; i < 4; i++) {
                    Instant from = start.plus(Duration.ofDays(2L * i));
                    inFlight.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/bookings",
                            body(carId, from, from.plus(Duration.ofDays(1)), false)), clients));
                }
                // The server's readiness counts the requests in flight.
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/health").body().contains("\"inFlight\":4"));

                CompletableFuture<Void> stopping = CompletableFuture.runAsync(booking::close);
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    Http.Answer refused = api.get("/api/v1/bookings");
                    return refused.status() == 503 && refused.body().contains("shutting down");
                });
                assertThat(stopping).as("the stop waits for the bookings in flight").isNotDone();
                hold.rollback();

                for (CompletableFuture<Http.Answer> request : inFlight) {
                    Http.Answer created = request.get(15, TimeUnit.SECONDS);
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                }
                stopping.get(25, TimeUnit.SECONDS);
            }
            assertThat(count(booking.databaseUrl(), "SELECT count(*) FROM booking")).isEqualTo(4);
            assertThat(count(booking.databaseUrl(), "SELECT count(*) FROM outbox_message"))
                    .as("the relay published the last bookings' events before it stopped").isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> count(inventory.databaseUrl(),
                    "SELECT count(*) FROM booking_progress") == 4);
        }
    }

    private static long count(String databaseUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
