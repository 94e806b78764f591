package com.drivenow.gateway.auth;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.SseReader;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sessions through a running gateway with a 3-second access token: refresh tokens rotate, a copied
 * one ends the session, sign-out ends it at once, and live streams end when the token does.
 */
class SessionsTest {

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-sessions"));
        config.put("security.jwt.ttl", "PT3S");
        config.put("events.heartbeat", "PT0.3S");
        config.put("events.maxstreamspercaller", "2");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void aRefreshTokenWorksOnceAndAReusedOneEndsTheSession() {
        JsonNode login = json(http.login("agent", "agent"));
        assertThat(login.get("expiresIn").asLong()).isEqualTo(3);
        String first = login.get("refreshToken").asText();

        JsonNode renewed = json(refresh(first));
        assertThat(renewed.get("refreshToken").asText()).isNotEqualTo(first);
        assertThat(renewed.get("user").get("username").asText()).isEqualTo("agent");
        String access = renewed.get("accessToken").asText();
        assertThat(http.asUser(access, "GET", "/api/v1/cars", null).statusCode()).isEqualTo(200);

        // The first token again: someone copied it. The whole session ends, the thief's and the owner's.
        assertThat(refresh(first).statusCode()).isEqualTo(401);
        assertThat(refresh(renewed.get("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(http.asUser(access, "GET", "/api/v1/cars", null).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheAccessAndTheRefreshTokenAtOnce() {
        JsonNode login = json(http.login("manager", "manager"));
        String access = login.get("accessToken").asText();

        assertThat(http.asUser(access, "POST", "/api/v1/auth/logout", null).statusCode()).isEqualTo(204);

        HttpResponse<String> after = http.asUser(access, "GET", "/api/v1/cars", null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).get("detail").asText()).contains("session has ended");
        assertThat(refresh(login.get("refreshToken").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void badRefreshRequestsAreClearProblems() {
        assertThat(refresh("not-a-token").statusCode()).isEqualTo(401);
        assertThat(http.call("POST", "/api/v1/auth/refresh", null, null, "{}").statusCode()).isEqualTo(400);
        assertThat(http.call("POST", "/api/v1/auth/refresh", null, null, "null").statusCode()).isEqualTo(400);
        assertThat(http.call("POST", "/api/v1/auth/logout", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLiveStreamEndsWhenItsAccessTokenExpires() throws Exception {
        String access = json(http.login("agent", "agent")).get("accessToken").asText();
        try (SseReader stream = new SseReader(http, "Authorization", "Bearer " + access, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(awaitComment(stream, "session ended", Duration.ofSeconds(6))).isTrue();
        }
        assertThat(http.asUser(access, "GET", "/api/v1/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLiveStreamEndsSoonAfterItsSessionIsSignedOut() throws Exception {
        String access = json(http.login("manager", "manager")).get("accessToken").asText();
        Instant expires = Instant.ofEpochSecond(claims(access).get("exp").asLong());
        try (SseReader stream = new SseReader(http, "Authorization", "Bearer " + access, null)) {
            assertThat(stream.nextComment(Duration.ofSeconds(2))).isEqualTo(": connected");
            assertThat(http.asUser(access, "POST", "/api/v1/auth/logout", null).statusCode()).isEqualTo(204);
            Duration beforeExpiry = Duration.between(Instant.now(), expires).minusMillis(300);
            assumeTrue(beforeExpiry.toMillis() > 800, "this machine was too slow to tell sign-out from expiry");
            // Ends with the sign-out (checked every heartbeat), not only when the token would have expired.
            assertThat(awaitComment(stream, "session ended", beforeExpiry)).isTrue();
        }
    }

    private static JsonNode claims(String token) {
        return json(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    }

    @Test
    void aCallerMayHoldOnlyAFewStreamsAtOnce() {
        try (SseReader one = new SseReader(http, "X-Api-Key", Http.DEMO_API_KEY, null);
             SseReader two = new SseReader(http, "X-Api-Key", Http.DEMO_API_KEY, null)) {
            assertThat(one.status()).isEqualTo(200);
            assertThat(two.status()).isEqualTo(200);
            HttpResponse<String> third = http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/events", null);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static HttpResponse<String> refresh(String token) {
        return http.call("POST", "/api/v1/auth/refresh", null, null, "{\"refreshToken\":\"" + token + "\"}");
    }

    private static boolean awaitComment(SseReader stream, String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String comment = stream.nextComment(Duration.ofMillis(200));
            if (comment != null && comment.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
