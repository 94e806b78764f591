package com.drivenow.gateway.support;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.auth.ApiKeys;
import com.drivenow.localstack.testing.TestInfrastructure;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.util.HashMap;
import java.util.Map;

/** A gateway on a free port in front of given upstream URLs, on the test broker with its own namespace. */
public final class TestGateway {

    private TestGateway() {
    }

    public static Map<String, String> baseConfig(String upstreamUrl, String namespace) {
        Map<String, String> config = new HashMap<>();
        config.put("server.port", "0");
        config.put("server.host", "127.0.0.1");
        config.put("upstream.inventory", upstreamUrl);
        config.put("upstream.booking", upstreamUrl);
        config.put("messaging.uri", TestInfrastructure.get().amqp());
        config.put("messaging.namespace", namespace);
        return config;
    }

    /**
     * {@link #baseConfig} in the production profile with real-looking secrets in place of every demo
     * one: two desk accounts (alice AGENT, bob FLEET_MANAGER) and a partner key. TLS is the caller's.
     */
    public static Map<String, String> production(String upstreamUrl, String namespace) {
        Map<String, String> config = baseConfig(upstreamUrl, namespace);
        config.put("security.production", "true");
        config.put("security.jwt.secret", "9b1e5c7a3d2f4e6a8c0b1d3f5e7a9c2b4d6f8a0c");
        config.put("internal.token", "3f9c2a7e1b5d4c8a9e0f6b2d7c1a5e3f9b8d4c2a6e0f1b7d");
        config.put("security.users.0.username", "alice");
        config.put("security.users.0.passwordhash", BCrypt.hashpw("correct horse battery", BCrypt.gensalt(4)));
        config.put("security.users.0.roles.0", "AGENT");
        config.put("security.users.1.username", "bob");
        config.put("security.users.1.passwordhash", BCrypt.hashpw("staple", BCrypt.gensalt(4)));
        config.put("security.users.1.roles.0", "FLEET_MANAGER");
        config.put("security.apikeys.0.name", "partner");
        config.put("security.apikeys.0.sha256", ApiKeys.sha256Hex("a-long-random-partner-key"));
        config.put("security.apikeys.0.roles.0", "INTEGRATION");
        return config;
    }

    public static GatewayServer start(Map<String, String> config) {
        return GatewayServer.start(Config.just(ConfigSources.create(config)));
    }

    /** With {@code yaml} over {@code config}: for lists (accounts, API keys) that flat keys cannot replace. */
    public static GatewayServer start(Map<String, String> config, String yaml) {
        return GatewayServer.start(Config.just(
                ConfigSources.create(yaml, io.helidon.common.media.type.MediaTypes.APPLICATION_X_YAML),
                ConfigSources.create(config)));
    }
}
