package com.drivenow.gateway;

import com.drivenow.booking.BookingServer;
import com.drivenow.gateway.auth.ApiKeys;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.inventory.InventoryServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import com.drivenow.platform.web.InsecureConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production refuses the shipped demo secrets, weak ones and plain HTTP without a trusted TLS proxy,
 * and starts once every one is replaced; every server refuses a weak internal token of its own.
 */
class ProductionConfigTest {

    private static final String STRONG_TOKEN = "3f9c2a7e1b5d4c8a9e0f6b2d7c1a5e3f9b8d4c2a6e0f1b7d";

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
            Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                    TestInfrastructure.get().freshNamespace("gateway-production"));
            config.put("drivenow.profile", "production");
            config.put("security.jwt.secret", "a-real-secret-from-the-vault-0123456789");
            config.put("internal.token", STRONG_TOKEN);
            config.put("limits.trustedproxies", "10.0.0.0/8");
            config.put("security.users.0.username", "alice");
            config.put("security.users.0.passwordhash", BCrypt.hashpw("correct horse battery", BCrypt.gensalt(4)));
            config.put("security.users.0.roles.0", "AGENT");
            config.put("security.users.1.username", "bob");
            config.put("security.users.1.passwordhash", BCrypt.hashpw("staple", BCrypt.gensalt(4)));
            config.put("security.users.1.roles.0", "FLEET_MANAGER");
            config.put("security.apikeys.0.name", "partner");
            config.put("security.apikeys.0.sha256", ApiKeys.sha256Hex("a-long-random-partner-key"));
            config.put("security.apikeys.0.roles.0", "INTEGRATION");

            GatewayServer gateway = TestGateway.start(config);
            try {
                assertThat(gateway.port()).isPositive();
            } finally {
                gateway.close();
            }
        }
    }
}
