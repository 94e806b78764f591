package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.FleetListener;
import com.drivenow.inventory.TestInventory;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two inventory instances on one queue, fed every car's rental history in a scrambled order (as two
 * relays, retries with back-off or redeliveries produce): each car must end in the state of its last
 * change, nothing parked, no conflict announced.
 */
class TwoConsumersOrderingTest {

    private static final int CARS = 6;
    private static final int RENTALS_PER_CAR = 5;

    private static TestInventory first;
    private static TestInventory second;
    private static FleetListener broker;

    @BeforeAll
    static void start() {
        first = TestInventory.start("two-consumers");
        second = first.replica(TestInfrastructure.get().amqp());
        broker = new FleetListener(TestInfrastructure.get().amqp(), first.topology());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        broker.close();
    }

    @Test
    void everyCarEndsInTheStateOfItsLastChangeWhateverTheOrderAndWhicheverInstanceAppliesIt() {
        Random random = new Random(42);
        List<String> cars = new ArrayList<>();
        List<String> lastBookings = new ArrayList<>();
        List<BookingEventMessage> events = new ArrayList<>();
        for (int c = 0; c < CARS; c++) {
            String carId = first.createCar("E-TWO " + c).get("id").asText();
            cars.add(carId);
            long carSequence = 0;
            String booking = null;
            for (int r = 0; r < RENTALS_PER_CAR; r++) {
                booking = UUID.randomUUID().toString();
                long km = 12_000 + 100L * r;
                events.add(BookingEventMessage.of("booking.created", booking, carId).sequences(1, ++carSequence));
                events.add(BookingEventMessage.of("booking.picked-up", booking, carId).sequences(2, ++carSequence)
                        .outWith(booking).mileage(km));
                // Even cars end with their last rental still out; odd ones with every car back.
                if (r < RENTALS_PER_CAR - 1 || c % 2 == 1) {
                    events.add(BookingEventMessage.of("booking.returned", booking, carId).sequences(3, ++carSequence)
                            .mileage(km + 80));
                }
            }
            lastBookings.add(booking);
        }
        Collections.shuffle(events, random);
        events.forEach(e -> broker.publishBookingEvent(e.eventId, e.type, e.json()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                first.server().consumerStats().applied() + second.server().consumerStats().applied() == events.size());
        assertThat(first.server().consumerStats().applied()).as("both instances took part").isPositive();
        assertThat(second.server().consumerStats().applied()).as("both instances took part").isPositive();
        for (int c = 0; c < CARS; c++) {
            JsonNode car = first.get("/api/v1/cars/" + cars.get(c)).json();
            long lastPickUpKm = 12_000 + 100L * (RENTALS_PER_CAR - 1);
            if (c % 2 == 0) {
                assertThat(car.get("status").asText()).isEqualTo("RENTED");
                assertThat(first.post("/api/v1/cars/" + cars.get(c) + "/maintenance", null).json().get("detail").asText())
                        .as("out with its last booking").contains(lastBookings.get(c));
                assertThat(car.get("mileageKm").asLong()).isEqualTo(lastPickUpKm);
            } else {
                assertThat(car.get("status").asText()).isEqualTo("AVAILABLE");
                assertThat(car.get("mileageKm").asLong()).isEqualTo(lastPickUpKm + 80);
            }
        }
        assertThat(first.server().consumerStats().parked() + second.server().consumerStats().parked()).isZero();
        assertThat(broker.all("booking.conflict", e -> true)).isEmpty();
    }
}
