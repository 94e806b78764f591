package com.drivenow.platform.web;

import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class HttpFoundationTest {

    private static final String TOKEN = "test-internal-token";

    record Sample(String name, int seats, Instant at) {
    }

    private final Http1Client client;

    HttpFoundationTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.maxPayloadSize(1024)
                .directHandlers(ProblemDirectHandler.all())
                .mediaContext(m -> m.addMediaSupport(Json.mediaSupport()))
                .routing(HttpFoundationTest::routing);
    }

    static void routing(HttpRouting.Builder routing) {
        HttpFoundation.internalService(routing, TOKEN)
                .post("/samples", (req, res) -> res.send(req.content().as(Sample.class)))
                .get("/conflict", (req, res) -> {
                    throw ProblemException.conflict("car is taken");
                })
                .get("/boom", (req, res) -> {
                    throw new IllegalStateException("secret internals");
                })
                .get("/health", (req, res) -> res.send("UP"));
        ProblemHandlers.install(routing);
    }

    @Test
    void everyErrorIsProblemJsonWithARequestId() {
        JsonNode body = problem(get("/nowhere"), 404);
        assertThat(body.get("detail").asText()).contains("/nowhere");
        assertThat(body.get("instance").asText()).isEqualTo("/nowhere");
        assertThat(body.get("requestId").asText()).isNotBlank();
    }

    @Test
    void ourConflictsKeepTheirDetail() {
        assertThat(problem(get("/conflict"), 409).get("detail").asText()).isEqualTo("car is taken");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        JsonNode body = problem(get("/boom"), 500);
        assertThat(body.toString()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode body = problem(post("{\"name\": \"x\", "), 400);
        assertThat(body.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        JsonNode unknown = problem(post("{\"name\":\"x\",\"seats\":4,\"colour\":\"red\"}"), 400);
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("colour");
        JsonNode wrongType = problem(post("{\"name\":\"x\",\"seats\":\"four\"}"), 400);
        assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("seats");
        JsonNode badInstant = problem(post("{\"name\":\"x\",\"seats\":4,\"at\":\"tomorrow\"}"), 400);
        assertThat(badInstant.get("errors").get(0).get("message").asText()).contains("ISO-8601");
    }

    @Test
    void validJsonGoesThrough() {
        try (HttpClientResponse res = postResponse("{\"name\":\"x\",\"seats\":4,\"at\":\"2026-12-01T10:00:00Z\"}")) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
            assertThat(res.as(String.class)).contains("\"seats\":4");
        }
    }

    @Test
    void bodiesOverTheLimitAre413ProblemJson() {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\",\"seats\":1}";
        problem(postResponse(big), 413);
    }

    @Test
    void callsWithoutTheInternalCredentialAreRefusedButHealthIsOpen() {
        try (HttpClientResponse res = client.get("/conflict").request()) {
            assertThat(res.status().code()).isEqualTo(401);
            assertThat(res.headers().contentType().orElseThrow().text()).isEqualTo(Problem.MEDIA_TYPE);
        }
        try (HttpClientResponse res = client.get("/health").request()) {
            assertThat(res.status().code()).isEqualTo(200);
        }
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        try (HttpClientResponse res = client.get("/health").header(RequestIdFilter.HEADER, "abc-123").request()) {
            assertThat(res.headers().first(RequestIdFilter.HEADER)).contains("abc-123");
        }
        try (HttpClientResponse res = client.get("/health").header(RequestIdFilter.HEADER, "bad id <script>").request()) {
            assertThat(res.headers().first(RequestIdFilter.HEADER).orElseThrow()).doesNotContain("script");
        }
    }

    private HttpClientResponse get(String path) {
        return client.get(path).header(InternalCredentialFilter.HEADER, TOKEN).request();
    }

    private HttpClientResponse post(String json) {
        return postResponse(json);
    }

    private HttpClientResponse postResponse(String json) {
        return client.post("/samples").header(InternalCredentialFilter.HEADER, TOKEN)
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(json);
    }

    private static JsonNode problem(HttpClientResponse res, int status) {
        try (res) {
            assertThat(res.status().code()).isEqualTo(status);
            assertThat(res.headers().contentType().orElseThrow().text()).isEqualTo(Problem.MEDIA_TYPE);
            JsonNode body = Json.mapper().readTree(res.as(String.class));
            assertThat(body.get("status").asInt()).isEqualTo(status);
            assertThat(body.get("type").asText()).isNotBlank();
            assertThat(body.get("title").asText()).isNotBlank();
            return body;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
