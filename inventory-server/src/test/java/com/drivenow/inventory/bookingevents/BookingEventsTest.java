package com.drivenow.inventory.bookingevents;

import com.drivenow.inventory.FleetListener;
import com.drivenow.inventory.TestInventory;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.messaging.IdempotentConsumer;
import com.drivenow.platform.messaging.MessagingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking events end to end: published on the real broker as the booking server does, consumed by
 * the real server, car state read back over HTTP and fleet events read off the fleet exchange.
 */
class BookingEventsTest {

    private static final String CARS = "/api/v1/cars";
    private static TestInventory inventory;
    private static FleetListener broker;

    @BeforeAll
    static void start() {
        inventory = TestInventory.start("booking-events");
        broker = new FleetListener(TestInfrastructure.get().amqp(), inventory.topology());
    }

    @AfterAll
    static void stop() {
        inventory.close();
        broker.close();
    }

    @Test
    void pickUpRentsTheCarAndReturnBringsItBackEachAnnounced() {
        String carId = carWithPlate("E-PICK 1");
        String bookingId = UUID.randomUUID().toString();
        publish(BookingEventMessage.of("booking.created", bookingId, carId).sequences(1, 1));
        publish(BookingEventMessage.of("booking.picked-up", bookingId, carId).sequences(2, 2).outWith(bookingId).mileage(12345));

        JsonNode rented = awaitStatus(carId, "RENTED");
        assertThat(rented.get("mileageKm").asLong()).isEqualTo(12345);
        FleetListener.Received announced = broker.await("car.status-changed",
                e -> e.get("carId").asText().equals(carId) && e.get("car").get("status").asText().equals("RENTED"));
        assertThat(announced.body().get("version").asLong()).isEqualTo(rented.get("version").asLong());
        assertThat(announced.body().get("eventType").asText()).isEqualTo("car.status-changed");
        assertThat(announced.properties().getMessageId()).isEqualTo(announced.body().get("eventId").asText());
        assertThat(announced.properties().getHeaders().get("x-request-id").toString())
                .as("the request id follows the booking event").startsWith("test-");

        TestInventory.Answer maintenance = inventory.post(CARS + "/" + carId + "/maintenance", null);
        assertThat(maintenance.status()).isEqualTo(409);
        assertThat(maintenance.json().get("detail").asText()).contains("out on a rental").contains(bookingId);
        assertThat(inventory.post(CARS + "/" + carId + "/retire", null).status()).isEqualTo(409);
        // Whether it is back in time is the booking server's to decide, from its own holds.
        JsonNode soon = bookability(carId, Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        assertThat(soon.get("bookable").asBoolean()).isTrue();

        publish(BookingEventMessage.of("booking.returned", bookingId, carId).sequences(3, 3).mileage(12500));
        JsonNode back = awaitStatus(carId, "AVAILABLE");
        assertThat(back.get("mileageKm").asLong()).isEqualTo(12500);
        broker.await("car.status-changed",
                e -> e.get("carId").asText().equals(carId) && e.get("car").get("status").asText().equals("AVAILABLE"));
    }

    @Test
    void theSameMessageDeliveredTwiceIsAppliedOnce() {
        String carId = carWithPlate("E-DUP 1");
        String bookingId = UUID.randomUUID().toString();
        long duplicatesBefore = inventory.server().consumerStats().duplicates();
        BookingEventMessage event = BookingEventMessage.of("booking.picked-up", bookingId, carId).sequences(2, 2)
                .outWith(bookingId).mileage(13000);
        String pickUp = publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> inventory.server().consumerStats().duplicates() > duplicatesBefore);
        JsonNode car = awaitStatus(carId, "RENTED");
        assertThat(car.get("version").asLong()).as("one change only").isEqualTo(2);
        assertThat(processedRows(pickUp)).isEqualTo(1);
        assertThat(broker.all("car.status-changed", e -> e.get("carId").asText().equals(carId))).hasSize(1);
    }

    @Test
    void aReturnOvertakingItsPickUpLeavesTheCarAvailable() throws Exception {
        String carId = carWithPlate("E-ORDER 1");
        String bookingId = UUID.randomUUID().toString();
        publish(BookingEventMessage.of("booking.returned", bookingId, carId).sequences(3, 3).mileage(12600));
        String pickUp = publish(BookingEventMessage.of("booking.picked-up", bookingId, carId).sequences(2, 2)
                .outWith(bookingId).mileage(12400));

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(pickUp) != null);
        assertThat(outcome(pickUp)).contains("booking already at 3").contains("car already at a newer state");
        JsonNode car = inventory.get(CARS + "/" + carId).json();
        assertThat(car.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(car.get("mileageKm").asLong()).as("the newer mileage is kept").isEqualTo(12600);
    }

    @Test
    void anEventForAnUnknownCarIsParkedAnnouncedAndDoesNotBlockTheNext() throws Exception {
        String unknownCar = UUID.randomUUID().toString();
        String lostBooking = UUID.randomUUID().toString();
        String poison = publish(BookingEventMessage.of("booking.picked-up", lostBooking, unknownCar).sequences(2, 2)
                .outWith(lostBooking).mileage(100));
        String carId = carWithPlate("E-NEXT 1");
        String next = UUID.randomUUID().toString();
        publish(BookingEventMessage.of("booking.picked-up", next, carId).sequences(2, 2).outWith(next).mileage(12100));

        awaitStatus(carId, "RENTED");
        GetResponse parked = awaitParked(poison);
        assertThat(parked.getProps().getHeaders().get(IdempotentConsumer.REASON_HEADER).toString())
                .contains("unknown car " + unknownCar);
        FleetListener.Received conflict = broker.await("booking.conflict",
                e -> e.get("bookingId").asText().equals(lostBooking));
        assertThat(conflict.body().get("sourceEventId").asText()).isEqualTo(poison);
        assertThat(conflict.body().get("sourceEventType").asText()).isEqualTo("booking.picked-up");
        assertThat(conflict.body().get("carId").asText()).isEqualTo(unknownCar);
        assertThat(conflict.body().get("reason").asText()).contains("unknown car");
    }

    @Test
    void aHandOverOfACarInMaintenanceIsAnnouncedAsAConflictNotParkedAndTheCarStaysInTheWorkshop() throws Exception {
        String carId = carWithPlate("E-SHOP 1");
        inventory.post(CARS + "/" + carId + "/maintenance", null);
        String booked = UUID.randomUUID().toString();
        publish(BookingEventMessage.of("booking.created", booked, carId).sequences(1, 1));
        FleetListener.Received conflict = broker.await("booking.conflict", e -> e.get("bookingId").asText().equals(booked));
        assertThat(conflict.body().get("reason").asText()).contains("maintenance");
        assertThat(conflict.body().get("sourceSequence").asLong()).isEqualTo(1);

        long parkedBefore = inventory.server().consumerStats().parked();
        String pickUp = publish(BookingEventMessage.of("booking.picked-up", booked, carId).sequences(2, 2)
                .outWith(booked).mileage(12100));
        FleetListener.Received handOver = broker.await("booking.conflict",
                e -> e.get("sourceEventId").asText().equals(pickUp));
        assertThat(handOver.body().get("sourceSequence").asLong()).isEqualTo(2);
        assertThat(outcome(pickUp)).contains("conflict announced");
        assertThat(inventory.server().consumerStats().parked()).isEqualTo(parkedBefore);
        assertThat(inventory.get(CARS + "/" + carId).json().get("status").asText()).isEqualTo("MAINTENANCE");
    }

    @Test
    void aPickUpDeliveredBeforeTheEarlierBookingsReturnLeavesTheCarOutWithTheLaterBooking() throws Exception {
        String carId = carWithPlate("E-CROSS 1");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(BookingEventMessage.of("booking.picked-up", first, carId).sequences(2, 2).outWith(first).mileage(12100));
        awaitStatus(carId, "RENTED");
        long parkedBefore = inventory.server().consumerStats().parked();
        // The first booking's return failed once and was retried behind the second booking's pick-up.
        String secondPickUp = publish(BookingEventMessage.of("booking.picked-up", second, carId).sequences(2, 4)
                .outWith(second).mileage(12300));
        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(secondPickUp) != null);
        String firstReturn = publish(BookingEventMessage.of("booking.returned", first, carId).sequences(3, 3)
                .mileage(12250));
        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(firstReturn) != null);

        assertThat(outcome(secondPickUp)).contains("car RENTED by " + second);
        assertThat(outcome(firstReturn)).contains("booking closed").contains("car already at a newer state");
        JsonNode car = inventory.get(CARS + "/" + carId).json();
        assertThat(car.get("status").asText()).isEqualTo("RENTED");
        assertThat(car.get("mileageKm").asLong()).isEqualTo(12300);
        assertThat(inventory.post(CARS + "/" + carId + "/maintenance", null).json().get("detail").asText())
                .as("the car is out with the later booking").contains(second);
        assertThat(inventory.server().consumerStats().parked()).isEqualTo(parkedBefore);
        assertThat(broker.all("booking.conflict", e -> e.get("bookingId").asText().equals(second))).isEmpty();
    }

    @Test
    void aCarWithAnOpenBookingCannotBeRetiredUntilItIsCancelled() throws Exception {
        String carId = carWithPlate("E-OPEN 1");
        String bookingId = UUID.randomUUID().toString();
        String created = publish(BookingEventMessage.of("booking.created", bookingId, carId).sequences(1, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(created) != null);

        TestInventory.Answer refused = inventory.post(CARS + "/" + carId + "/retire", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("1 open booking");

        String cancelled = publish(BookingEventMessage.of("booking.cancelled", bookingId, carId).sequences(2, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(cancelled) != null);
        assertThat(inventory.post(CARS + "/" + carId + "/retire", null).json().get("status").asText()).isEqualTo("RETIRED");

        String lateBooking = UUID.randomUUID().toString();
        String late = publish(BookingEventMessage.of("booking.created", lateBooking, carId).sequences(1, 3));
        FleetListener.Received conflict = broker.await("booking.conflict", e -> e.get("sourceEventId").asText().equals(late));
        assertThat(conflict.body().get("reason").asText()).contains("retired");
    }

    @Test
    void addingAndChangingACarAreAnnouncedWithTheWholeCarAndItsVersion() {
        JsonNode car = inventory.createCar("E-FLEET 1");
        String carId = car.get("id").asText();
        FleetListener.Received added = broker.await("car.added", e -> e.get("carId").asText().equals(carId));
        assertThat(added.body().get("car")).isEqualTo(car);
        assertThat(added.body().get("version").asLong()).isEqualTo(1);
        assertThat(added.properties().getType()).isEqualTo("car.added");

        inventory.patch(CARS + "/" + carId, "{\"model\":\"ID.3\"}");
        FleetListener.Received changed = broker.await("car.changed", e -> e.get("carId").asText().equals(carId));
        assertThat(changed.body().get("car").get("model").asText()).isEqualTo("ID.3");
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);

        inventory.post(CARS + "/" + carId + "/maintenance", null);
        FleetListener.Received status = broker.await("car.status-changed", e -> e.get("carId").asText().equals(carId));
        assertThat(status.body().get("car").get("status").asText()).isEqualTo("MAINTENANCE");
        assertThat(status.body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String carId = carWithPlate("E-NONE 1");
        inventory.post(CARS + "/" + carId + "/retire", null);
        broker.await("car.status-changed", e -> e.get("carId").asText().equals(carId));
        assertThat(inventory.patch(CARS + "/" + carId, "{\"model\":\"Polo\"}").status()).isEqualTo(409);
        // a later change of another car overtakes nothing: the relay publishes in commit order
        String marker = carWithPlate("E-NONE 2");
        broker.await("car.added", e -> e.get("carId").asText().equals(marker));
        assertThat(broker.all("car.changed", e -> e.get("carId").asText().equals(carId))).isEmpty();
    }

    private static String carWithPlate(String plate) {
        return inventory.createCar(plate).get("id").asText();
    }

    /** Publishes the event; returns its id. */
    private static String publish(BookingEventMessage event) {
        broker.publishBookingEvent(event.eventId, event.type, event.json());
        return event.eventId;
    }

    private static JsonNode awaitStatus(String carId, String status) {
        AtomicReference<JsonNode> car = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            car.set(inventory.get(CARS + "/" + carId).json());
            return car.get().get("status").asText().equals(status);
        });
        return car.get();
    }

    private static JsonNode bookability(String carId, Instant from, Instant to) {
        return inventory.get("/internal/cars/" + carId + "/bookability?from=" + from + "&to=" + to).json();
    }

    /** Waits until the parking queue holds {@code messageId}, taking what it reads off the queue. */
    private static GetResponse awaitParked(String messageId) {
        String parking = MessagingTopology.parkingQueueOf(inventory.topology().inventoryBookingEventsQueue());
        AtomicReference<GetResponse> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            GetResponse message;
            while ((message = broker.channel().basicGet(parking, true)) != null) {
                if (messageId.equals(message.getProps().getMessageId())) {
                    found.set(message);
                    assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains(messageId);
                }
            }
            return found.get() != null;
        });
        return found.get();
    }

    private static String outcome(String eventId) throws Exception {
        try (Connection db = DriverManager.getConnection(inventory.databaseUrl());
             PreparedStatement query = db.prepareStatement("SELECT outcome FROM processed_event WHERE event_id = ?::uuid")) {
            query.setString(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static int processedRows(String eventId) {
        try (Connection db = DriverManager.getConnection(inventory.databaseUrl());
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?::uuid")) {
            query.setString(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
