package com.drivenow.gateway.routing;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An upstream given as several replicas: calls take them by turns, and one replica stopping costs nothing. */
class UpstreamReplicasTest {

    private final StubUpstream inventory = new StubUpstream();
    private final StubUpstream bookingA = new StubUpstream();
    private final StubUpstream bookingB = new StubUpstream();
    private GatewayServer gateway;

    @AfterEach
    void stop() {
        gateway.close();
        inventory.close();
        bookingA.close();
        bookingB.close();
    }

    @Test
    void callsSpreadOverTheReplicasAndGoOnWhenOneStops() {
        Map<String, String> config = TestGateway.baseConfig(inventory.url(),
                TestInfrastructure.get().freshNamespace("gateway-replicas"));
        config.put("upstream.booking", bookingA.url() + "," + bookingB.url());
        gateway = TestGateway.start(config);
        Http http = new Http(gateway.port());
        String token = http.token("agent");

        for (int i = 0; i < 6; i++) {
            assertThat(http.asUser(token, "GET", "/api/v1/bookings", null).statusCode()).isEqualTo(200);
        }
        assertThat(bookingA.calls()).isEqualTo(3);
        assertThat(bookingB.calls()).isEqualTo(3);

        bookingA.close();
        for (int i = 0; i < 6; i++) {
            assertThat(http.asUser(token, "GET", "/api/v1/bookings", null).statusCode()).isEqualTo(200);
            // A pick-up is not safe to repeat, but a replica that refuses the connection never got it.
            HttpResponse<String> pickUp = http.asUser(token, "POST",
                    "/api/v1/bookings/4b4e0e3c-0000-4000-8000-000000000002/pickup", "{\"mileageKm\":1}");
            assertThat(pickUp.statusCode()).as(pickUp.body()).isEqualTo(200);
        }
        assertThat(bookingB.calls()).isEqualTo(3 + 12);
        assertThat(http.send(http.request("/health")).statusCode()).as("one replica is enough to be ready")
                .isEqualTo(200);
    }
}
