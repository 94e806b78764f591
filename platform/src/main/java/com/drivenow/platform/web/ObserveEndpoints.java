package com.drivenow.platform.web;

import io.helidon.health.HealthCheck;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /health} (with each check's details) and {@code GET /metrics} (Prometheus) on every server. */
public final class ObserveEndpoints {

    private ObserveEndpoints() {
    }

    /** The server's checks after {@code accepting} (down while the server drains for a graceful stop). */
    public static ObserveFeature feature(HealthCheck accepting, List<? extends HealthCheck> checks) {
        List<HealthCheck> all = new ArrayList<>(checks.size() + 1);
        all.add(accepting);
        all.addAll(checks);
        return feature(all);
    }

    public static ObserveFeature feature(List<? extends HealthCheck> checks) {
        return ObserveFeature.builder()
                // Heavier than the routing (100), so these routes come before its catch-all 404.
                .weight(200)
                .addObserver(HealthObserver.builder()
                        .endpoint("/health")
                        .details(true)
                        .addChecks(checks.toArray(HealthCheck[]::new))
                        .build())
                .addObserver(MetricsObserver.builder().endpoint("/metrics").build())
                .build();
    }
}
