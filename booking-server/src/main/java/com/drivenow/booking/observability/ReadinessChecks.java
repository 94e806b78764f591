package com.drivenow.booking.observability;

import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.IdempotentConsumer;
import com.drivenow.platform.web.HealthFailures;
import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness: the server is ready while its database answers. The broker is reported but does not
 * make the server unready, because bookings keep working without it (events wait in the outbox).
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    public static HealthCheck database(DbClient db) {
        return check("database", () -> {
            try {
                db.execute().get("SELECT 1 AS ok");
                return HealthCheckResponse.builder().status(true).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.builder().status(false).detail("error", HealthFailures.logged("database", e))
                        .build();
            }
        });
    }

    public static HealthCheck messaging(BrokerConnection broker, IdempotentConsumer fleetEvents) {
        return check("messaging", () -> HealthCheckResponse.builder().status(true)
                .detail("brokerConnected", broker.isOpen())
                .detail("fleetEventsSubscribed", fleetEvents.isConnected())
                .build());
    }

    private static HealthCheck check(String name, java.util.function.Supplier<HealthCheckResponse> call) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public HealthCheckResponse call() {
                return call.get();
            }
        };
    }
}
