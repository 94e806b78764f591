package com.drivenow.inventory.ops;

import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.IdempotentConsumer;
import com.drivenow.platform.outbox.OutboxRelay;
import com.drivenow.platform.web.HealthFailures;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's health checks. Without its database the server cannot answer anything, so the
 * database check decides readiness. The broker only delays events (the outbox keeps them), so its
 * check reports the connection but stays UP: the server keeps serving while the broker is away.
 */
public final class InventoryHealth {

    private InventoryHealth() {
    }

    public static List<HealthCheck> checks(DataSource dataSource, BrokerConnection broker,
                                           IdempotentConsumer consumer, OutboxRelay relay) {
        return List.of(database(dataSource), broker(broker, consumer, relay));
    }

    private static HealthCheck database(DataSource dataSource) {
        return new NamedCheck("database", () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(2);
                return HealthCheckResponse.builder().status(valid).detail("connected", valid).build();
            } catch (SQLException | RuntimeException e) {
                return HealthCheckResponse.builder().status(false).detail("connected", false)
                        .detail("error", HealthFailures.logged("database", e)).build();
            }
        });
    }

    private static HealthCheck broker(BrokerConnection broker, IdempotentConsumer consumer, OutboxRelay relay) {
        return new NamedCheck("broker", () -> {
            HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                    .status(HealthCheckResponse.Status.UP)
                    .detail("connected", broker.isOpen())
                    .detail("consumerSubscribed", consumer.isConnected());
            try {
                response.detail("outboxBacklog", relay.backlog().messages());
            } catch (RuntimeException e) {
                response.detail("outboxBacklog", HealthFailures.logged("outbox backlog", e));
            }
            return response.build();
        });
    }

    private record NamedCheck(String name, Supplier<HealthCheckResponse> check)
            implements HealthCheck {
        @Override
        public HealthCheckType type() {
            return HealthCheckType.READINESS;
        }

        @Override
        public HealthCheckResponse call() {
            return check.get();
        }
    }
}
