package com.drivenow.gateway.routing;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway passes on and back, and the guards in front of it (413, 415, 405, 404, CORS). */
class ForwardingTest {

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;
    private static String manager;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-forwarding"));
        config.put("cors.origins.0", "https://desk.drivenow.example");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
        manager = http.token("manager");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void forwardsMethodPathQueryBodyAndContractHeadersOnly() {
        HttpResponse<String> res = http.send(http.request("/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001?x=a%20b&y=1")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"seats\":5}"))
                .header("Authorization", "Bearer " + manager)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("If-Match", "\"3\"")
                .header("Idempotency-Key", "k-1")
                .header("X-Api-Key", "demo-integration-key")
                .header("X-Caller-Id", "mallory")
                .header("X-Caller-Roles", "FLEET_MANAGER")
                .header("X-Internal-Token", "guess")
                .header("Cookie", "session=1"));

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode echo = json(res);
        assertThat(echo.get("method").asText()).isEqualTo("PATCH");
        assertThat(echo.get("path").asText()).isEqualTo("/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001");
        assertThat(echo.get("query").asText()).isEqualTo("x=a%20b&y=1");
        assertThat(echo.get("body").asText()).isEqualTo("{\"seats\":5}");
        JsonNode headers = echo.get("headers");
        assertThat(headers.get("if-match").asText()).isEqualTo("\"3\"");
        assertThat(headers.get("idempotency-key").asText()).isEqualTo("k-1");
        assertThat(headers.get("accept").asText()).isEqualTo("application/json");
        assertThat(headers.get("content-type").asText()).startsWith("application/json");
        assertThat(headers.get("x-internal-token").asText()).isEqualTo("dev-internal-token");
        assertThat(headers.get("x-caller-id").asText()).isEqualTo("manager");
        assertThat(headers.get("x-caller-roles").asText()).isEqualTo("AGENT,FLEET_MANAGER");
        assertThat(headers.get("x-caller-kind").asText()).isEqualTo("USER");
        assertThat(headers.has("authorization")).isFalse();
        assertThat(headers.has("x-api-key")).isFalse();
        assertThat(headers.has("cookie")).isFalse();
    }

    @Test
    void requestIdIsEchoedAndPassedOnOrCreated() {
        HttpResponse<String> given = http.send(http.request("/api/v1/cars")
                .header("Authorization", "Bearer " + manager).header("X-Request-Id", "desk-42-abc"));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("desk-42-abc");
        assertThat(json(given).get("headers").get("x-request-id").asText()).isEqualTo("desk-42-abc");

        HttpResponse<String> created = http.send(http.request("/api/v1/cars").header("Authorization", "Bearer " + manager));
        String id = created.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(json(created).get("headers").get("x-request-id").asText()).isEqualTo(id);

        HttpResponse<String> refused = http.call("GET", "/api/v1/cars", null, null, null);
        assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void createdAnswersKeepStatusEtagAndGetAGatewayLocation() {
        HttpResponse<String> res = http.asUser(manager, "POST", "/api/v1/cars", "{\"plate\":\"X\"}");

        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(res.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(res.headers().firstValue("Location")).hasValue("/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001");
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    void internalAndUnknownPathsAreNeverRouted() {
        int before = upstream.calls();
        HttpResponse<String> internal = http.asUser(manager, "GET",
                "/internal/cars/4b4e0e3c-0000-4000-8000-000000000001/bookability", null);
        HttpResponse<String> unknown = http.asUser(manager, "GET", "/api/v1/carsx", null);

        assertThat(internal.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(internal.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(upstream.calls()).isEqualTo(before);
    }

    @Test
    void unsupportedMethodOnAKnownPathIs405() {
        HttpResponse<String> res = http.asUser(manager, "PUT", "/api/v1/cars", "{}");

        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void bodiesOverOneMebibyteAre413AndNonJsonBodiesAre415() {
        String huge = "{\"plate\":\"" + "x".repeat(1024 * 1024) + "\"}";
        HttpResponse<String> tooLarge = http.asUser(manager, "POST", "/api/v1/cars", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> text = http.send(http.request("/api/v1/cars").header("Authorization", "Bearer " + manager)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("plate=X")));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).get("status").asInt()).isEqualTo(415);

        HttpResponse<String> noBody = http.asUser(manager, "POST", "/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001/retire", null);
        assertThat(noBody.statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOriginsOnly() {
        HttpResponse<String> allowed = http.send(http.request("/api/v1/bookings")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://desk.drivenow.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://desk.drivenow.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(v -> assertThat(v).contains("Authorization"));

        HttpResponse<String> foreign = http.send(http.request("/api/v1/bookings")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> actual = http.send(http.request("/api/v1/cars").header("Authorization", "Bearer " + manager)
                .header("Origin", "https://desk.drivenow.example"));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://desk.drivenow.example");
    }

    @Test
    void healthAndMetricsAnswerAtTheirPaths() {
        HttpResponse<String> health = http.send(http.request("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("inventory").contains("booking");

        HttpResponse<String> metrics = http.send(http.request("/metrics").header("Accept", "text/plain"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
    }
}
