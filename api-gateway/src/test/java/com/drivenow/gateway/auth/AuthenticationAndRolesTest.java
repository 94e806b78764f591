package com.drivenow.gateway.auth;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Login, tokens, API keys and the role table of API.md, through a running gateway. */
class AuthenticationAndRolesTest {

    private static final String CAR = "/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001";
    private static final String BOOKING = "/api/v1/bookings/4b4e0e3c-0000-4000-8000-000000000002";

    /** API.md, written out independently of the gateway's own route table. */
    private record Operation(String method, String path, boolean agent, boolean manager, boolean integration) {
    }

    private static final List<Operation> API_MD = List.of(
            new Operation("GET", "/api/v1/cars?status=AVAILABLE", true, true, true),
            new Operation("POST", "/api/v1/cars", false, true, false),
            new Operation("GET", CAR, true, true, true),
            new Operation("PATCH", CAR, false, true, false),
            new Operation("POST", CAR + "/maintenance", false, true, false),
            new Operation("DELETE", CAR + "/maintenance", false, true, false),
            new Operation("POST", CAR + "/retire", false, true, false),
            new Operation("GET", "/api/v1/availability?from=2026-12-01T10:00:00Z&to=2026-12-02T10:00:00Z", true, true, true),
            new Operation("GET", "/api/v1/bookings", true, true, true),
            new Operation("POST", "/api/v1/bookings", true, true, true),
            new Operation("GET", BOOKING, true, true, true),
            new Operation("POST", BOOKING + "/pickup", true, true, false),
            new Operation("POST", BOOKING + "/return", true, true, false),
            new Operation("POST", BOOKING + "/cancel", true, true, true));

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-auth"));
        config.put("limits.anonymous.burst", "1000");
        config.put("limits.login.burst", "1000");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void loginAnswersTheContractShapeWithASignedExpiringToken() {
        HttpResponse<String> res = http.login("manager", "manager");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = json(res);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(body.get("user").get("username").asText()).isEqualTo("manager");
        assertThat(body.get("user").get("displayName").asText()).isEqualTo("Demo Fleet Manager");
        assertThat(body.get("user").get("roles")).extracting(JsonNode::asText).containsExactly("AGENT", "FLEET_MANAGER");
        JsonNode claims = claimsOf(body.get("accessToken").asText());
        assertThat(claims.get("sub").asText()).isEqualTo("manager");
        assertThat(claims.get("name").asText()).isEqualTo("Demo Fleet Manager");
        assertThat(claims.has("exp") && claims.has("iat") && claims.has("jti") && claims.has("sid")).isTrue();
        assertThat(body.get("refreshToken").asText()).isNotBlank();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = http.login("agent", "not-agent");
        HttpResponse<String> unknownUser = http.login("nobody", "agent");

        for (HttpResponse<String> res : List.of(wrongPassword, unknownUser)) {
            assertThat(res.statusCode()).isEqualTo(401);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(json(wrongPassword).get("detail")).isEqualTo(json(unknownUser).get("detail"));
    }

    @Test
    void malformedLoginsAreClear4xxAnswers() {
        assertThat(http.call("POST", "/api/v1/auth/login", null, null, "{\"username\":\"agent\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknownField = http.call("POST", "/api/v1/auth/login", null, null,
                "{\"username\":\"agent\",\"password\":\"agent\",\"admin\":true}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField).get("errors").get(0).get("field").asText()).isEqualTo("admin");
        assertThat(http.call("POST", "/api/v1/auth/login", null, null, "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> longPassword = http.login("agent", "a".repeat(150));
        assertThat(longPassword.statusCode()).isEqualTo(401);
        HttpResponse<String> form = http.send(http.request("/api/v1/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=agent&password=agent")));
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void everyRoleIsAllowedAndRefusedExactlyAsApiMdSays() {
        String agent = http.token("agent");
        String manager = http.token("manager");
        for (Operation op : API_MD) {
            String body = op.method().equals("POST") || op.method().equals("PATCH") ? "{}" : null;
            assertThat(http.asUser(agent, op.method(), op.path(), body).statusCode())
                    .as("AGENT %s %s", op.method(), op.path()).isEqualTo(op.agent() ? 200 : 403);
            int managerExpected = op.method().equals("POST") && op.path().equals("/api/v1/cars") ? 201 : 200;
            assertThat(http.asUser(manager, op.method(), op.path(), body).statusCode())
                    .as("FLEET_MANAGER %s %s", op.method(), op.path()).isEqualTo(op.manager() ? managerExpected : 403);
            HttpResponse<String> integration = http.asIntegration(Http.DEMO_API_KEY, op.method(), op.path(), body);
            assertThat(integration.statusCode())
                    .as("INTEGRATION %s %s", op.method(), op.path()).isEqualTo(op.integration() ? 200 : 403);
            if (!op.integration()) {
                assertThat(integration.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    @Test
    void noCredentialsAre401WithAChallenge() {
        int before = upstream.calls();
        HttpResponse<String> res = http.call("GET", "/api/v1/cars", null, null, null);

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(res).get("status").asInt()).isEqualTo(401);
        assertThat(upstream.calls()).isEqualTo(before);
    }

    @Test
    void forgedExpiredAndUnsignedTokensAre401() {
        JwtTokens otherKey = new JwtTokens("another-secret-of-at-least-32-bytes-long!!", Duration.ofHours(1),
                "drivenow-gateway", Clock.systemUTC());
        JwtTokens pastClock = new JwtTokens(DemoSecrets.JWT_SECRET, Duration.ofMinutes(5), "drivenow-gateway",
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        Principal manager = new Principal("manager", "M", Set.of(Role.FLEET_MANAGER), false);
        String valid = http.token("agent");
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"AGENT\"", "\"FLEET_MANAGER\"").getBytes())
                + "." + parts[2];

        for (String token : List.of(otherKey.issue(manager, "s1").token(), pastClock.issue(manager, "s1").token(), unsigned,
                tampered, "not-a-jwt")) {
            HttpResponse<String> res = http.asUser(token, "GET", "/api/v1/cars", null);
            assertThat(res.statusCode()).as(token).isEqualTo(401);
            assertThat(res.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(json(http.asUser(pastClock.issue(manager, "s1").token(), "GET", "/api/v1/cars", null))
                .get("detail").asText()).contains("expired");
        assertThat(http.call("GET", "/api/v1/cars", "Authorization", "Basic YWdlbnQ6YWdlbnQ=", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void apiKeysAuthenticateIntegrationsAndUnknownKeysAre401() {
        HttpResponse<String> res = http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/bookings", null);
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode headers = json(res).get("headers");
        assertThat(headers.get("x-caller-id").asText()).isEqualTo("demo-integration");
        assertThat(headers.get("x-caller-kind").asText()).isEqualTo("INTEGRATION");
        assertThat(headers.get("x-caller-roles").asText()).isEqualTo("INTEGRATION");

        assertThat(http.asIntegration("guessed-key", "GET", "/api/v1/bookings", null).statusCode()).isEqualTo(401);
    }

    private static JsonNode claimsOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        try {
            return com.drivenow.platform.json.Json.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
