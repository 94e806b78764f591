package com.drivenow.gateway.events;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.SseReader;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.MessagingTopology;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events published on the real broker reach connected SSE clients, resume, heartbeat and scoping. */
class LiveEventsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;
    private static BrokerConnection broker;
    private static Channel channel;
    private static MessagingTopology topology;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        String namespace = TestInfrastructure.get().freshNamespace("gateway-events");
        Map<String, String> config = TestGateway.baseConfig(upstream.url(), namespace);
        config.put("events.heartbeat", "PT0.3S");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
        topology = new MessagingTopology(namespace);
        broker = new BrokerConnection(TestInfrastructure.get().amqp(), "gateway-events-test", topology);
        channel = broker.openChannel();
        await().atMost(Duration.ofSeconds(10)).until(gateway::liveEventsConnected);
    }

    @AfterAll
    static void stop() throws Exception {
        channel.close();
        broker.close();
        gateway.close();
        upstream.close();
    }

    @Test
    void aPublishedBookingEventReachesAConnectedDeskWithinASecond() throws Exception {
        try (SseReader desk = new SseReader(http, "Authorization", "Bearer " + http.token("agent"), null)) {
            assertThat(desk.status()).isEqualTo(200);
            assertThat(desk.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");

            String bookingId = publishBooking("booking.picked-up", "agent");

            SseReader.Event event = desk.next(SECOND);
            assertThat(event).isNotNull();
            assertThat(event.type()).isEqualTo("booking.changed");
            assertThat(Json.mapper().readTree(event.data()).get("id").asText()).isEqualTo(bookingId);
            assertThat(Long.parseLong(event.id())).isPositive();
        }
    }

    @Test
    void carEventsCarryTheCarAndIdsIncrease() throws Exception {
        try (SseReader desk = new SseReader(http, "Authorization", "Bearer " + http.token("manager"), null)) {
            assertThat(desk.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");
            String carId = publishCar("car.status-changed");
            publishBooking("booking.created", "agent");

            SseReader.Event car = desk.next(SECOND);
            SseReader.Event booking = desk.next(SECOND);
            assertThat(car.type()).isEqualTo("car.changed");
            assertThat(Json.mapper().readTree(car.data()).get("id").asText()).isEqualTo(carId);
            assertThat(Long.parseLong(booking.id())).isGreaterThan(Long.parseLong(car.id()));
        }
    }

    @Test
    void aReconnectWithLastEventIdResumesAfterIt() throws Exception {
        String token = http.token("agent");
        String seenId;
        try (SseReader first = new SseReader(http, "Authorization", "Bearer " + token, null)) {
            assertThat(first.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");
            publishBooking("booking.created", "agent");
            seenId = first.next(SECOND).id();
        }
        String missedOne = publishBooking("booking.cancelled", "agent");
        String missedTwo = publishBooking("booking.created", "agent");
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.liveEventsConnected());

        try (SseReader again = new SseReader(http, "Authorization", "Bearer " + token, seenId)) {
            SseReader.Event one = again.next(Duration.ofSeconds(3));
            SseReader.Event two = again.next(Duration.ofSeconds(3));
            assertThat(Json.mapper().readTree(one.data()).get("id").asText()).isEqualTo(missedOne);
            assertThat(Json.mapper().readTree(two.data()).get("id").asText()).isEqualTo(missedTwo);
            assertThat(Long.parseLong(one.id())).isGreaterThan(Long.parseLong(seenId));
        }
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        try (SseReader desk = new SseReader(http, "Authorization", "Bearer " + http.token("agent"), null)) {
            assertThat(desk.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");
            assertThat(desk.nextComment(Duration.ofSeconds(5))).isEqualTo(": heartbeat");
        }
    }

    @Test
    void integrationsSeeOnlyTheirOwnBookings() throws Exception {
        try (SseReader partner = new SseReader(http, "X-Api-Key", Http.DEMO_API_KEY, null)) {
            assertThat(partner.nextComment(Duration.ofSeconds(5))).isEqualTo(": connected");
            publishBooking("booking.created", "agent");
            // A desk user who happens to be called like the key: not the partner's booking.
            publishBooking("booking.created", "demo-integration");
            String own = publishBooking("booking.created", "demo-integration", true);

            SseReader.Event event = partner.next(Duration.ofSeconds(3));
            assertThat(Json.mapper().readTree(event.data()).get("id").asText()).isEqualTo(own);
        }
    }

    @Test
    void theStreamNeedsCredentialsAndASaneCursor() {
        assertThat(http.call("GET", "/api/v1/events", null, null, null).statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/api/v1/events").header("Authorization", "Bearer " + http.token("agent"))
                .header("Last-Event-ID", "yesterday")).statusCode()).isEqualTo(400);
    }

    private static String publishBooking(String routingKey, String createdBy) throws Exception {
        return publishBooking(routingKey, createdBy, false);
    }

    private static String publishBooking(String routingKey, String createdBy, boolean byIntegration) throws Exception {
        String bookingId = UUID.randomUUID().toString();
        Map<String, Object> booking = Map.of("id", bookingId, "status", "ACTIVE", "createdBy", createdBy);
        publish(topology.bookingExchange(), routingKey, Map.of("eventId", UUID.randomUUID().toString(),
                "eventType", routingKey, "bookingId", bookingId, "sequence", 1,
                "createdByIntegration", byIntegration, "booking", booking));
        return bookingId;
    }

    private static String publishCar(String routingKey) throws Exception {
        String carId = UUID.randomUUID().toString();
        publish(topology.fleetExchange(), routingKey, Map.of("eventId", UUID.randomUUID().toString(),
                "eventType", routingKey, "carId", carId, "version", 2, "car", Map.of("id", carId, "status", "RENTED")));
        return carId;
    }

    private static void publish(String exchange, String routingKey, Map<String, Object> body) throws Exception {
        channel.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder()
                .contentType("application/json").type(routingKey).messageId(UUID.randomUUID().toString()).build(),
                Json.mapper().writeValueAsBytes(body));
    }
}
