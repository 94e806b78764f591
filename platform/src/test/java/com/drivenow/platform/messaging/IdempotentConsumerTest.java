package com.drivenow.platform.messaging;

import com.drivenow.localstack.testing.TcpProxy;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.platform.PlatformTestSupport;
import com.drivenow.platform.db.Database;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.helidon.dbclient.DbTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdempotentConsumerTest {

    private static final IdempotentConsumer.Settings FAST = new IdempotentConsumer.Settings(16, 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200));

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<UUID, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    /** Events whose handling waits at this gate (counted down when the handler is in it). */
    private final Map<UUID, java.util.concurrent.CountDownLatch> gates = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch inGate = new java.util.concurrent.CountDownLatch(1);
    private Database database;
    private MessagingTopology topology;
    private Connection raw;
    private Channel publisher;

    @BeforeEach
    void setUp() throws Exception {
        database = PlatformTestSupport.freshDatabase("consumer");
        topology = new MessagingTopology(TestInfrastructure.get().freshNamespace("consumer"));
        raw = PlatformTestSupport.rawConnection(TestInfrastructure.get().amqp());
        publisher = raw.createChannel();
        topology.declare(publisher);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
        for (String queue : topology.durableQueues()) {
            publisher.queueDelete(queue);
        }
        raw.close();
        database.close();
    }

    /** Records each event in the ledger; "poison" bodies can never apply; "flaky" ones fail first. */
    private String handle(DbTransaction tx, IncomingEvent event) {
        tx.insert("INSERT INTO test_ledger (event_id, note) VALUES (?, ?)", event.id(), event.type());
        java.util.concurrent.CountDownLatch gate = gates.get(event.id());
        if (gate != null) {
            inGate.countDown();
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String kind = event.body().path("kind").asText();
        if (kind.equals("poison")) {
            throw new PoisonEventException("car " + event.body().path("carId").asText() + " is unknown");
        }
        AtomicInteger left = failuresLeft.get(event.id());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("transient failure");
        }
        return "applied";
    }

    private void parked(DbTransaction tx, IncomingEvent event, String reason) {
        tx.insert("INSERT INTO test_ledger (event_id, note) VALUES (?, ?)", UUID.randomUUID(), "conflict for " + event.id());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        UUID id = UUID.randomUUID();
        publish(id, "booking.created", "{\"kind\":\"ok\"}");
        publish(id, "booking.created", "{\"kind\":\"ok\"}");
        UUID other = UUID.randomUUID();
        publish(other, "booking.created", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.stats().applied() == 2
                && consumer.stats().duplicates() == 1);
        assertThat(ledgerCount(id)).isEqualTo(1);
        assertThat(ledgerCount(other)).isEqualTo(1);
        assertThat(queueDepth(topology.inventoryBookingEventsQueue())).isZero();
    }

    @Test
    void aGracefulStopAcknowledgesTheEventInHandAndLeavesTheRestForAnotherConsumer() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        UUID inHand = UUID.randomUUID();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        gates.put(inHand, gate);
        publish(inHand, "booking.created", "{\"kind\":\"ok\"}");
        List<UUID> queued = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : queued) {
            publish(id, "booking.created", "{\"kind\":\"ok\"}");
        }
        assertThat(inGate.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.CompletableFuture<Void> stopping =
                java.util.concurrent.CompletableFuture.runAsync(() -> consumer.stop(Duration.ofSeconds(20)));
        Thread.sleep(300);
        assertThat(stopping).as("the stop waits for the event in hand").isNotDone();
        gate.countDown();
        stopping.get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(consumer.stats().applied()).as("only the event in hand was applied").isEqualTo(1);
        assertThat(ledgerCount(inHand)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth(topology.inventoryBookingEventsQueue()) == 3);

        IdempotentConsumer next = consumer(TestInfrastructure.get().amqp());
        await().atMost(Duration.ofSeconds(10)).until(() -> next.stats().applied() == 3);
        assertThat(next.stats().duplicates()).as("the event in hand was acknowledged, not delivered again").isZero();
        for (UUID id : queued) {
            assertThat(ledgerCount(id)).isEqualTo(1);
        }
        assertThat(ledgerCount(inHand)).isEqualTo(1);
        assertThat(queueDepth(topology.inventoryBookingEventsQueue())).isZero();
    }

    @Test
    void aPoisonEventIsParkedWithItsReasonAndTheNextEventIsStillApplied() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        UUID poison = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        publish(poison, "booking.picked-up", "{\"kind\":\"poison\",\"carId\":\"c-1\"}");
        publish(next, "booking.created", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.stats().applied() == 1
                && consumer.stats().parked() == 1);
        assertThat(ledgerCount(next)).isEqualTo(1);
        assertThat(ledgerCount(poison)).as("the poison event's own changes were rolled back").isZero();
        assertThat(notes()).contains("conflict for " + poison);

        GetResponse parkedMessage = publisher.basicGet(MessagingTopology.parkingQueueOf(topology.inventoryBookingEventsQueue()), true);
        assertThat(parkedMessage).isNotNull();
        assertThat(parkedMessage.getProps().getMessageId()).isEqualTo(poison.toString());
        assertThat(parkedMessage.getProps().getHeaders().get(IdempotentConsumer.REASON_HEADER).toString())
                .contains("car c-1 is unknown");
        assertThat(parkedMessage.getProps().getHeaders().get("x-original-routing-key").toString())
                .isEqualTo("booking.picked-up");
    }

    @Test
    void aBodyThatIsNotJsonIsParkedNotRetriedForever() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        publishRaw(UUID.randomUUID().toString(), "booking.created", "not json at all");
        publishRaw(null, "booking.created", "{\"kind\":\"ok\"}");
        UUID next = UUID.randomUUID();
        publish(next, "booking.created", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.stats().parked() == 2 && consumer.stats().applied() == 1);
        assertThat(queueDepth(MessagingTopology.parkingQueueOf(topology.inventoryBookingEventsQueue()))).isEqualTo(2);
    }

    @Test
    void aTransientFailureIsRetriedAndAppliedOnceItsChangesRolledBackEachTime() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        UUID flaky = UUID.randomUUID();
        failuresLeft.put(flaky, new AtomicInteger(2));
        publish(flaky, "booking.returned", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.stats().applied() == 1);
        assertThat(consumer.stats().retried()).isEqualTo(2);
        assertThat(ledgerCount(flaky)).isEqualTo(1);
    }

    @Test
    void anEventThatKeepsFailingIsParkedAfterMaxAttemptsWithoutBlockingTheQueue() throws Exception {
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp());
        UUID hopeless = UUID.randomUUID();
        failuresLeft.put(hopeless, new AtomicInteger(1_000));
        publish(hopeless, "booking.returned", "{\"kind\":\"ok\"}");
        UUID next = UUID.randomUUID();
        publish(next, "booking.created", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.stats().parked() == 1 && consumer.stats().applied() == 1);
        assertThat(ledgerCount(next)).isEqualTo(1);
        assertThat(queueDepth(MessagingTopology.parkingQueueOf(topology.inventoryBookingEventsQueue()))).isEqualTo(1);
    }

    @Test
    void theConsumerComesBackByItselfAfterTheBrokerWasUnreachable() throws Exception {
        URI amqp = URI.create(TestInfrastructure.get().amqp());
        TcpProxy proxy = TcpProxy.to(amqp.getHost(), amqp.getPort());
        closeables.add(proxy);
        IdempotentConsumer consumer = consumer(amqp.getScheme() + "://" + amqp.getRawUserInfo() + "@127.0.0.1:"
                + proxy.port() + amqp.getRawPath());
        await().atMost(Duration.ofSeconds(10)).until(consumer::isConnected);

        proxy.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> !consumer.isConnected());
        UUID duringOutage = UUID.randomUUID();
        publish(duringOutage, "booking.created", "{\"kind\":\"ok\"}");
        Thread.sleep(300);
        assertThat(ledgerCount(duringOutage)).isZero();

        proxy.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> ledgerCount(duringOutage) == 1);
        assertThat(consumer.isConnected()).isTrue();
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsAwayAreAllAppliedWhenItIsBackAndNoneIsParked() throws Exception {
        String url = TestInfrastructure.get().freshDatabase("consumer_db_outage");
        URI target = URI.create(url.substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.to(target.getHost(), target.getPort());
        closeables.add(proxy);
        Database behindProxy = PlatformTestSupport.database(url.replace(":" + target.getPort() + "/", ":" + proxy.port() + "/"),
                "consumer_db_outage", Map.of("pool.connection-timeout", "PT0.25S"));
        closeables.add(behindProxy);
        IdempotentConsumer consumer = consumer(TestInfrastructure.get().amqp(), behindProxy);
        await().atMost(Duration.ofSeconds(10)).until(consumer::isConnected);

        proxy.cut();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            sent.add(id);
            publish(id, "booking.created", "{\"kind\":\"ok\"}");
        }
        // Far more failed tries than maxAttempts (3): an outage must never count towards parking.
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.stats().delayed() >= 10);
        assertThat(consumer.stats().parked()).isZero();
        assertThat(consumer.stats().applied()).isZero();

        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.stats().applied() == sent.size());
        for (UUID id : sent) {
            assertThat(behindProxy.client().execute().get("SELECT count(*) AS n FROM test_ledger WHERE event_id = ?", id)
                    .map(row -> row.column("n").get(Long.class)).orElse(0L)).isEqualTo(1);
        }
        assertThat(consumer.stats().parked()).isZero();
        assertThat(queueDepth(MessagingTopology.parkingQueueOf(topology.inventoryBookingEventsQueue()))).isZero();
        assertThat(queueDepth(topology.inventoryBookingEventsQueue())).isZero();
    }

    @Test
    void aDeliveryWhoseConnectionDiesBetweenCommitAndAckIsRedeliveredAndSkippedAsDuplicate() throws Exception {
        URI amqp = URI.create(TestInfrastructure.get().amqp());
        TcpProxy proxy = TcpProxy.to(amqp.getHost(), amqp.getPort());
        closeables.add(proxy);
        BrokerConnection broker = new BrokerConnection(amqp.getScheme() + "://" + amqp.getRawUserInfo() + "@127.0.0.1:"
                + proxy.port() + amqp.getRawPath(), "consumer-test", topology);
        closeables.add(broker);
        AtomicInteger commits = new AtomicInteger();
        // The first commit is followed by the broker connection dying before the ack can go out.
        IdempotentConsumer consumer = new IdempotentConsumer("test-consumer", topology.inventoryBookingEventsQueue(),
                broker, database.client(), this::handle, this::parked, FAST).afterCommit(() -> {
                    if (commits.incrementAndGet() == 1) {
                        proxy.cut();
                        Thread.ofVirtual().start(() -> {
                            com.drivenow.platform.Pause.quietly(Duration.ofMillis(500));
                            proxy.restore();
                        });
                    }
                }).start();
        closeables.add(consumer);
        await().atMost(Duration.ofSeconds(10)).until(consumer::isConnected);
        UUID id = UUID.randomUUID();
        publish(id, "booking.created", "{\"kind\":\"ok\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.stats().duplicates() == 1);
        assertThat(consumer.stats().redelivered()).isEqualTo(1);
        assertThat(consumer.stats().applied()).isEqualTo(1);
        assertThat(ledgerCount(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queueDepth(topology.inventoryBookingEventsQueue()) == 0);
    }

    private IdempotentConsumer consumer(String amqpUri) {
        return consumer(amqpUri, database);
    }

    private IdempotentConsumer consumer(String amqpUri, Database db) {
        BrokerConnection broker = new BrokerConnection(amqpUri, "consumer-test", topology);
        IdempotentConsumer consumer = new IdempotentConsumer("test-consumer", topology.inventoryBookingEventsQueue(),
                broker, db.client(), this::handle, this::parked, FAST).start();
        closeables.add(broker);
        closeables.add(consumer);
        return consumer;
    }

    private void publish(UUID id, String type, String body) throws Exception {
        publishRaw(id.toString(), type, body);
    }

    private void publishRaw(String messageId, String type, String body) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId(messageId).type(type)
                .contentType("application/json").deliveryMode(2).build();
        publisher.basicPublish(topology.bookingExchange(), type, props, body.getBytes(StandardCharsets.UTF_8));
    }

    private long ledgerCount(UUID id) {
        return database.client().execute().get("SELECT count(*) AS n FROM test_ledger WHERE event_id = ?", id)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
    }

    private List<String> notes() {
        return database.client().execute().query("SELECT note FROM test_ledger")
                .map(row -> row.column("note").get(String.class)).toList();
    }

    private long queueDepth(String queue) {
        return PlatformTestSupport.count(publisher, queue);
    }
}
