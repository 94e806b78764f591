package com.drivenow.desk.live;

import com.drivenow.desk.api.GatewayClient;
import com.drivenow.gateway.GatewayServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.MessagingTopology;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real gateway with 2-second access tokens: the gateway ends the live stream at every
 * expiry, the desk renews its token with the refresh token and resumes, and the agent sees neither a
 * sign-in dialog nor the stream going down, and misses no change.
 */
class SilentRenewalTest {

    @Test
    void theDeskRenewsItsSessionAndResumesTheStreamWithoutTheAgentNoticing() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String namespace = infra.freshNamespace("desk-renewal");
        MessagingTopology topology = new MessagingTopology(namespace);
        try (GatewayServer gateway = GatewayServer.start(TestServerConfig.of(Map.of(
                "server.host", "127.0.0.1", "server.port", "0",
                "messaging.uri", infra.amqp(), "messaging.namespace", namespace,
                "upstream.inventory", "http://127.0.0.1:9", "upstream.booking", "http://127.0.0.1:9",
                "security.jwt.ttl", "PT2S", "events.heartbeat", "PT0.5S")));
             BrokerConnection broker = new BrokerConnection(infra.amqp(), "desk-renewal-test", topology)) {
            GatewayClient client = new GatewayClient(URI.create("http://127.0.0.1:" + gateway.port()));
            AtomicInteger dialogs = new AtomicInteger();
            client.onSessionExpired(() -> dialogs.incrementAndGet() < 0);
            client.signIn("agent", "agent");
            List<SseEvent> received = new CopyOnWriteArrayList<>();
            List<StreamState.Kind> states = new CopyOnWriteArrayList<>();
            try (EventStream stream = new EventStream(client, received::add, Runnable::run,
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
                 Channel channel = broker.openChannel()) {
                stream.stateProperty().addListener((obs, old, now) -> states.add(now.kind()));
                awaitUntil(gateway::liveEventsConnected);
                stream.start();
                awaitUntil(() -> states.contains(StreamState.Kind.LIVE));

                Thread.sleep(5_000);   // two access tokens expire, and two streams end with them
                String carId = UUID.randomUUID().toString();
                channel.basicPublish(topology.fleetExchange(), "car.changed", new AMQP.BasicProperties.Builder()
                                .contentType("application/json").type("car.changed").messageId(UUID.randomUUID().toString()).build(),
                        ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"carId\":\"" + carId + "\",\"version\":2,"
                                + "\"car\":{\"id\":\"" + carId + "\",\"status\":\"RENTED\"}}").getBytes(StandardCharsets.UTF_8));

                awaitUntil(() -> received.stream().anyMatch(e -> e.data().contains(carId)));
                assertThat(dialogs).hasValue(0);
                assertThat(states).doesNotContain(StreamState.Kind.DOWN);
            }
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
