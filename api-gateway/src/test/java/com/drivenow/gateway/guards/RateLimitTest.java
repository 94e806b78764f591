package com.drivenow.gateway.guards;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-caller token buckets: one caller over its limit gets 429, another caller is not affected. */
class RateLimitTest {

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-limits"));
        config.put("limits.caller.burst", "5");
        config.put("limits.caller.persecond", "1");
        config.put("limits.anonymous.burst", "4");
        config.put("limits.anonymous.persecond", "1");
        config.put("limits.login.burst", "4");
        config.put("limits.login.persecond", "1");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void aCallerOverItsBurstGets429WithRetryAfterAndOthersGoOn() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> res = http.asIntegration(Http.DEMO_API_KEY, "GET", "/api/v1/cars", null);
            statuses.add(res.statusCode());
            if (res.statusCode() == 429) {
                limited = res;
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(json(limited).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void anonymousCallsAreLimitedPerAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(http.login("user-" + i, "wrong").statusCode());
        }
        assertThat(statuses).contains(401, 429);
    }

    @Test
    void aLoginCarryingAValidKeyOrASpoofedForwardedForIsStillChargedToItsAddress() {
        try (GatewayServer direct = signInLimitedGateway("")) {
            Http target = new Http(direct.port());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(login(target, "203.0.113." + i, "spread-" + i, "X-Api-Key", Http.DEMO_API_KEY));
            }
            assertThat(statuses).containsSubsequence(401, 401, 429);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() {
        try (GatewayServer proxied = signInLimitedGateway("127.0.0.0/8")) {
            Http behindProxy = new Http(proxied.port());
            List<Integer> one = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                one.add(login(behindProxy, "198.51.100.7, 127.0.0.1", "one-" + i));
            }
            assertThat(one).containsSubsequence(401, 401, 429);
            // Another client behind the same proxy is not held back by the first one's guesses.
            assertThat(login(behindProxy, "198.51.100.8", "two")).isEqualTo(401);
        }
    }

    /** A gateway whose addresses may sign in twice, then once a second; {@code trusted} proxies. */
    private static GatewayServer signInLimitedGateway(String trusted) {
        Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-signins"));
        config.put("limits.login.burst", "2");
        config.put("limits.login.persecond", "1");
        config.put("limits.trustedproxies", trusted);
        return TestGateway.start(config);
    }

    private static int login(Http target, String forwardedFor, String username, String... extraHeaders) {
        return target.send(target.request("/api/v1/auth/login")
                .headers(extraHeaders.length == 0 ? new String[] {"Accept", "application/json"} : extraHeaders)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"x\"}"))).statusCode();
    }
}
