package com.drivenow.platform.outbox;

import com.drivenow.localstack.testing.TcpProxy;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.PlatformTestSupport;
import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.web.RequestIds;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    private static final OutboxRelay.Settings FAST = new OutboxRelay.Settings(50, Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofMillis(200));

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Database database;
    private MessagingTopology topology;
    private Connection raw;
    private Channel inspect;

    @BeforeEach
    void setUp() throws Exception {
        database = PlatformTestSupport.freshDatabase("relay");
        topology = new MessagingTopology(TestInfrastructure.get().freshNamespace("relay"));
        raw = PlatformTestSupport.rawConnection(TestInfrastructure.get().amqp());
        inspect = raw.createChannel();
        topology.declare(inspect);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
        inspect.queueDelete(topology.inventoryBookingEventsQueue());
        inspect.queueDelete(topology.bookingFleetEventsQueue());
        raw.close();
        database.close();
    }

    @Test
    void aCommittedEventIsPublishedWithItsIdTypeAndRequestIdThenRemoved() throws Exception {
        OutboxRelay relay = relay(TestInfrastructure.get().amqp());
        UUID id = UUID.randomUUID();
        RequestIds.runWith("req-42", () -> write(relay, id, "booking.created"));

        GetResponse message = awaitMessage(topology.inventoryBookingEventsQueue());
        assertThat(message.getProps().getMessageId()).isEqualTo(id.toString());
        assertThat(message.getProps().getType()).isEqualTo("booking.created");
        assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(message.getProps().getHeaders().get(RequestIds.AMQP_HEADER).toString()).isEqualTo("req-42");
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains(id.toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.backlog().messages() == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        OutboxRelay relay = relay(TestInfrastructure.get().amqp());
        Outbox outbox = new Outbox(relay);
        assertThatThrownBy(() -> Transactions.run(database.client(), tx -> {
            outbox.append(tx, message(UUID.randomUUID(), "booking.created"));
            throw new IllegalStateException("business rule failed after the event was written");
        })).isInstanceOf(IllegalStateException.class);
        UUID after = UUID.randomUUID();
        write(relay, after, "booking.created");

        GetResponse message = awaitMessage(topology.inventoryBookingEventsQueue());
        assertThat(message.getProps().getMessageId()).isEqualTo(after.toString());
        // The row is deleted in the relay's transaction right after the confirm: wait for that commit.
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.backlog().messages() == 0);
        assertThat(PlatformTestSupport.count(inspect, topology.inventoryBookingEventsQueue())).isZero();
    }

    @Test
    void eventsWaitWhileTheBrokerIsUnreachableAndFlowWhenItIsBack() throws Exception {
        URI amqp = URI.create(TestInfrastructure.get().amqp());
        TcpProxy proxy = TcpProxy.to(amqp.getHost(), amqp.getPort());
        closeables.add(proxy);
        String viaProxy = amqp.getScheme() + "://" + amqp.getUserInfo() + "@127.0.0.1:" + proxy.port() + amqp.getRawPath();
        OutboxRelay relay = relay(viaProxy);
        write(relay, UUID.randomUUID(), "booking.created");
        awaitMessage(topology.inventoryBookingEventsQueue());

        proxy.cut();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            written.add(id.toString());
            write(relay, id, "booking.picked-up");
        }
        Thread.sleep(500);
        assertThat(relay.backlog().messages()).isEqualTo(20);
        assertThat(PlatformTestSupport.count(inspect, topology.inventoryBookingEventsQueue())).isZero();

        proxy.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog().messages() == 0);
        assertThat(drainIds(topology.inventoryBookingEventsQueue())).containsAll(written);
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventOnce() throws Exception {
        OutboxRelay first = relay(TestInfrastructure.get().amqp());
        OutboxRelay second = relay(TestInfrastructure.get().amqp());
        Outbox outbox = new Outbox(first);
        Set<String> written = new HashSet<>();
        for (int batch = 0; batch < 10; batch++) {
            Transactions.run(database.client(), tx -> {
                for (int i = 0; i < 50; i++) {
                    UUID id = UUID.randomUUID();
                    written.add(id.toString());
                    outbox.append(tx, message(id, "booking.created"));
                }
            });
            first.wake();
            second.wake();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> first.backlog().messages() == 0);
        List<String> received = drainAll(topology.inventoryBookingEventsQueue(), 500);
        assertThat(received).hasSize(500).doesNotHaveDuplicates();
        assertThat(new HashSet<>(received)).isEqualTo(written);
        assertThat(first.publishedCount()).isPositive();
        assertThat(second.publishedCount()).isPositive();
    }

    @Test
    void anUnroutableEventIsKeptAndDeliveredOnceItsQueueExists() throws Exception {
        OutboxRelay relay = relay(TestInfrastructure.get().amqp());
        write(relay, UUID.randomUUID(), "booking.created");
        awaitMessage(topology.inventoryBookingEventsQueue());
        // The relay's channel exists now, so its topology declaration will not restore the binding.
        String lonelyKey = "booking.created";
        inspect.queueUnbind(topology.inventoryBookingEventsQueue(), topology.bookingExchange(), "booking.#");
        write(relay, UUID.randomUUID(), lonelyKey);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.retriedCount() > 0);
        assertThat(relay.backlog().messages()).isEqualTo(1);

        inspect.queueBind(topology.inventoryBookingEventsQueue(), topology.bookingExchange(), "booking.#");
        awaitMessage(topology.inventoryBookingEventsQueue());
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.backlog().messages() == 0);
    }

    private OutboxRelay relay(String amqpUri) {
        BrokerConnection broker = new BrokerConnection(amqpUri, "relay-test", topology);
        OutboxRelay relay = new OutboxRelay(database.client(), broker, FAST).start();
        closeables.add(broker);
        closeables.add(relay);
        return relay;
    }

    private void write(OutboxRelay relay, UUID id, String type) {
        Outbox outbox = new Outbox(relay);
        Transactions.run(database.client(), tx -> outbox.append(tx, message(id, type)));
        outbox.committed();
    }

    private OutboxMessage message(UUID id, String type) {
        return new OutboxMessage(id, topology.bookingExchange(), type, "{\"eventId\":\"" + id + "\"}");
    }

    private GetResponse awaitMessage(String queue) {
        GetResponse[] holder = new GetResponse[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (holder[0] = inspect.basicGet(queue, true)) != null);
        return holder[0];
    }

    private List<String> drainIds(String queue) throws Exception {
        List<String> ids = new ArrayList<>();
        GetResponse response;
        while ((response = inspect.basicGet(queue, true)) != null) {
            ids.add(response.getProps().getMessageId());
        }
        return ids;
    }

    private List<String> drainAll(String queue, int expected) throws Exception {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ids.size() < expected && System.nanoTime() < deadline) {
            GetResponse response = inspect.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(20);
            } else {
                ids.add(response.getProps().getMessageId());
            }
        }
        Thread.sleep(300);
        ids.addAll(drainIds(queue));
        return ids;
    }
}
