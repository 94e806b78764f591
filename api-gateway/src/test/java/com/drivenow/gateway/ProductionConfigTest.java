package com.drivenow.gateway;

import com.drivenow.booking.BookingServer;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import com.drivenow.platform.web.InsecureConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production refuses the shipped demo secrets, weak ones and plain HTTP without a trusted TLS proxy,
 * and starts once every one is replaced; every server refuses a weak internal token of its own.
 */
class ProductionConfigTest {

    @Test
    void everyServerRefusesAWeakInternalTokenInProductionBeforeTouchingItsDatabase() {
        Map<String, String> weak = Map.of("security.production", "true", "internal.token", "change-me",
                "db.connection.url", "jdbc:postgresql://127.0.0.1:1/none");
        assertThatThrownBy(() -> InventoryServer.start(TestServerConfig.of(new java.util.HashMap<>(weak))))
                .isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("internal.token is too short");
        assertThatThrownBy(() -> BookingServer.start(TestServerConfig.of(new java.util.HashMap<>(weak))))
                .isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("internal.token is too short");
    }

    @Test
    void productionRefusesPlainHttpUnlessATrustedProxyTerminatesTls() {
        Map<String, String> config = TestGateway.baseConfig("http://127.0.0.1:1", "unused");
        config.put("security.production", "true");
        assertThatThrownBy(() -> TestGateway.start(config))
                .isInstanceOf(InsecureConfigurationException.class)
                .hasMessageContaining("plain HTTP");
    }

    @Test
    void productionWithDemoSecretsRefusesToStartNamingEachOne() {
        Map<String, String> config = TestGateway.baseConfig("http://127.0.0.1:1", "unused");
        config.put("security.production", "true");

        assertThatThrownBy(() -> TestGateway.start(config))
                .isInstanceOf(InsecureConfigurationException.class)
                .hasMessageContaining("security.jwt.secret")
                .hasMessageContaining("internal.token is too short")
                .hasMessageContaining("demo-integration-key")
                .hasMessageContaining("'agent'")
                .hasMessageContaining("'manager'");
    }

    @Test
    void productionWithRealSecretsStarts() {
        try (StubUpstream upstream = new StubUpstream()) {
            Map<String, String> config = TestGateway.production(upstream.url(),
                    TestInfrastructure.get().freshNamespace("gateway-production"));
            config.remove("security.production");
            config.put("drivenow.profile", "production");
            // Plain HTTP, since a TLS proxy in front is named.
            config.put("limits.trustedproxies", "10.0.0.0/8");

            GatewayServer gateway = TestGateway.start(config);
            try {
                assertThat(gateway.port()).isPositive();
            } finally {
                gateway.close();
            }
        }
    }
}
