package com.drivenow.gateway.routing;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static com.drivenow.gateway.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A slow server gives 504, a stopped one 503; the gateway stays up and says so in its health. */
class UpstreamFailureTest {

    private static StubUpstream inventory;
    private static StubUpstream booking;
    private static GatewayServer gateway;
    private static Http http;

    @BeforeAll
    static void start() {
        inventory = new StubUpstream();
        booking = new StubUpstream();
        Map<String, String> config = TestGateway.baseConfig(inventory.url(),
                TestInfrastructure.get().freshNamespace("gateway-failure"));
        config.put("upstream.booking", booking.url());
        config.put("upstream.readtimeout", "PT0.5S");
        gateway = TestGateway.start(config);
        http = new Http(gateway.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        inventory.close();
        booking.close();
    }

    @Test
    void aSlowServerIs504AndTheNextCallWorks() {
        String token = http.token("agent");
        HttpResponse<String> slow = http.asUser(token, "GET", "/api/v1/cars/slow", null);

        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(slow).get("detail").asText()).contains("inventory");
        assertThat(http.asUser(token, "GET", "/api/v1/cars", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aServerStoppedMidTestIs503WhileTheOtherKeepsServing() {
        String token = http.token("agent");
        assertThat(http.asUser(token, "GET", "/api/v1/bookings", null).statusCode()).isEqualTo(200);

        booking.close();

        HttpResponse<String> down = http.asUser(token, "GET", "/api/v1/bookings", null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(down).get("detail").asText()).contains("booking");
        assertThat(http.asUser(token, "GET", "/api/v1/cars", null).statusCode()).isEqualTo(200);

        HttpResponse<String> live = http.send(http.request("/health/live"));
        HttpResponse<String> health = http.send(http.request("/health"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).toString()).contains("\"reachable\":false");
    }
}
