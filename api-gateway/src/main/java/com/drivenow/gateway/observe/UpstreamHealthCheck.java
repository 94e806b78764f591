package com.drivenow.gateway.observe;

import com.drivenow.gateway.routing.UpstreamClient;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import java.time.Duration;

/**
 * Readiness: whether one server answers at all. The gateway stays live (and keeps serving what it
 * can) when a server is down; only its readiness reports the missing neighbour. The public answer
 * names the neighbour, never its internal address.
 */
public final class UpstreamHealthCheck implements HealthCheck {

    private final UpstreamClient client;
    private final Duration timeout;

    public UpstreamHealthCheck(UpstreamClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return client.upstream().configKey();
    }

    @Override
    public HealthCheckResponse call() {
        var status = client.probe(timeout);
        return HealthCheckResponse.builder()
                .status(status.isPresent())
                .detail("reachable", status.isPresent())
                .build();
    }
}
