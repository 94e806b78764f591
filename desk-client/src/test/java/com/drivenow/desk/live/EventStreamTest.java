package com.drivenow.desk.live;

import com.drivenow.desk.ContractGatewayServer;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The live stream survives a dropped connection and resumes where it was, so no change is missed. */
class EventStreamTest {

    @Test
    void reconnectsAfterADropAndResumesFromTheLastEventId() throws Exception {
        try (ContractGatewayServer server = new ContractGatewayServer()) {
            Car golf = server.addCar("B-DN 1042", "Volkswagen", "Golf", "COMPACT", "BER", "49.00", CarStatus.AVAILABLE);
            GatewayClient client = new GatewayClient(server.uri());
            client.signIn("agent", "agent");
            List<SseEvent> received = new CopyOnWriteArrayList<>();
            List<StreamState.Kind> states = new CopyOnWriteArrayList<>();
            try (EventStream stream = new EventStream(client, received::add, Runnable::run,
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
                stream.stateProperty().addListener((obs, old, now) -> states.add(now.kind()));
                stream.start();
                eventually(() -> server.openStreams() == 1);

                server.changeCar(withStatus(golf, CarStatus.MAINTENANCE, 2));
                eventually(() -> received.size() == 1);
                server.dropStreams();
                server.changeCar(withStatus(golf, CarStatus.AVAILABLE, 3));   // may happen while the desk is away

                eventually(() -> received.size() == 2);
                assertThat(server.lastEventIdSeen()).isEqualTo("1");
                assertThat(received).extracting(SseEvent::id).containsExactly("1", "2");
                assertThat(Json.MAPPER.readValue(received.get(1).data(), Car.class).status()).isEqualTo(CarStatus.AVAILABLE);
                assertThat(stream.lastEventId()).isEqualTo("2");
                assertThat(states).containsSubsequence(StreamState.Kind.LIVE, StreamState.Kind.DOWN, StreamState.Kind.LIVE);
            }
        }
    }

    private static Car withStatus(Car c, CarStatus status, long version) {
        return new Car(c.id(), c.plate(), c.make(), c.model(), c.year(), c.category(), c.seats(), c.transmission(),
                c.fuelType(), c.dailyRate(), c.location(), c.mileageKm(), status, version, c.createdAt(), Instant.now());
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
