package com.drivenow.gateway.support;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.localstack.testing.TestInfrastructure;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

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
