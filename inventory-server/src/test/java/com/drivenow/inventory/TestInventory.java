package com.drivenow.inventory;

import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.web.InternalCredentialFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real inventory server for one test class: its own fresh database and messaging namespace on
 * the test PostgreSQL and broker, port 0, and an HTTP client that presents the internal token.
 */
public final class TestInventory implements AutoCloseable {

    public static final String TOKEN = "test-internal-token";
    /** Where test cars stand unless a test says otherwise. */
    public static final String DEFAULT_BRANCH = "BER-TXL";

    private final InventoryServer server;
    private final MessagingTopology topology;
    private final String databaseUrl;
    private final Http1Client client;

    private TestInventory(InventoryServer server, MessagingTopology topology, String databaseUrl) {
        this.server = server;
        this.topology = topology;
        this.databaseUrl = databaseUrl;
        this.client = Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    public static TestInventory start(String purpose) {
        return start(purpose, TestInfrastructure.get().amqp());
    }

    public static TestInventory start(String purpose, String amqpUri) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return start(infrastructure.freshDatabase(purpose), amqpUri, infrastructure.freshNamespace(purpose));
    }

    /** A second instance of this server: same database, same queues, its own port (a replica). */
    public TestInventory replica(String amqpUri) {
        return start(databaseUrl, amqpUri, topology.namespace());
    }

    private static TestInventory start(String databaseUrl, String amqpUri, String namespace) {
        Map<String, String> settings = TestServerConfig.common(databaseUrl, amqpUri, namespace, TOKEN);
        settings.put("db.pool.size", "12");
        settings.put("consumer.booking-events.retry-pause", "PT0.05S");
        settings.put("consumer.booking-events.reconnect-pause", "PT0.2S");
        TestInventory inventory = new TestInventory(InventoryServer.start(TestServerConfig.of(settings)),
                new MessagingTopology(namespace), databaseUrl);
        inventory.ensureBranch(DEFAULT_BRANCH);
        return inventory;
    }

    public InventoryServer server() {
        return server;
    }

    public MessagingTopology topology() {
        return topology;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    /** A call with the internal token; {@code customize} may add headers. */
    public Answer call(Method method, String path, String body, UnaryOperator<Http1ClientRequest> customize) {
        Http1ClientRequest request = customize.apply(client.method(method)
                .uri(URI.create("http://127.0.0.1:" + server.port() + path))
                .header(InternalCredentialFilter.HEADER, TOKEN));
        try (HttpClientResponse response = body == null ? request.request()
                : request.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
            return Answer.of(response);
        }
    }

    public Answer get(String path) {
        return call(Method.GET, path, null, r -> r);
    }

    public Answer post(String path, String body) {
        return call(Method.POST, path, body, r -> r);
    }

    public Answer patch(String path, String body) {
        return call(Method.PATCH, path, body, r -> r);
    }

    public Answer delete(String path) {
        return call(Method.DELETE, path, null, r -> r);
    }

    /** Without the internal token, as the outside world would call. */
    public Answer getWithoutToken(String path) {
        try (HttpClientResponse response = client.get(path).request()) {
            return Answer.of(response);
        }
    }

    /** Creates a car with sane defaults and the given plate; returns its JSON. */
    public JsonNode createCar(String plate) {
        return createCar(plate, "ECONOMY", "BER-TXL");
    }

    public JsonNode createCar(String plate, String category, String location) {
        ensureBranch(location);
        Answer answer = post("/api/v1/cars", carJson(plate, category, location));
        if (answer.status() != 201) {
            throw new IllegalStateException("car not created: " + answer);
        }
        return answer.json();
    }

    /** Adds an always-open branch {@code code} unless it exists. */
    public void ensureBranch(String code) {
        TestBranches.ensure("http://127.0.0.1:" + server.port(), TOKEN, code);
    }

    public static String carJson(String plate, String category, String location) {
        return """
                {"plate":"%s","make":"Volkswagen","model":"Golf","year":2024,"category":"%s","seats":5,
                 "transmission":"MANUAL","fuelType":"PETROL","dailyRate":{"currency":"EUR","amount":"45.00"},
                 "location":"%s","mileageKm":12000}""".formatted(plate, category, location);
    }

    /** A plain AMQP connection for tests to publish and inspect queues. */
    public static Connection amqp(String uri) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            if (factory.getVirtualHost().isEmpty()) {
                factory.setVirtualHost("/");
            }
            return factory.newConnection("inventory-test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** A response read whole: status, headers of interest and body. */
    public record Answer(int status, String contentType, String location, String etag, String body) {

        static Answer of(HttpClientResponse response) {
            return new Answer(response.status().code(),
                    response.headers().contentType().map(t -> t.text()).orElse(null),
                    response.headers().first(io.helidon.http.HeaderNames.LOCATION).orElse(null),
                    response.headers().first(io.helidon.http.HeaderNames.ETAG).orElse(null),
                    response.entity().hasEntity() ? response.as(String.class) : "");
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
