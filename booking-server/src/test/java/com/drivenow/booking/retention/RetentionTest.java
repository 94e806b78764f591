package com.drivenow.booking.retention;

import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.RetentionJob;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking server's purge, with the windows of its application.yaml: old rows go, recent ones stay. */
class RetentionTest {

    @Test
    void oldProcessedEventsAndIdempotencyKeysArePurgedRecentOnesKept() throws Exception {
        String url = TestInfrastructure.get().freshDatabase("booking_retention");
        try (Database database = Database.start(TestServerConfig.of(Map.of("db.connection.url", url,
                "db.connection.username", "", "db.connection.password", "")).get("db"), "retention", "db/booking");
             Connection sql = DriverManager.getConnection(url);
             Statement statement = sql.createStatement()) {
            // Only the purged tables are written; their foreign keys are not what this test is about.
            statement.execute("SET session_replication_role = replica");
            statement.execute("INSERT INTO processed_event (consumer, event_id, message_type, outcome, processed_at) VALUES "
                    + "('c', gen_random_uuid(), 't', 'applied', now() - interval '31 days'),"
                    + "('c', gen_random_uuid(), 't', 'applied', now() - interval '1 day')");
            statement.execute("INSERT INTO idempotency_key (caller, key, body_hash, booking_id, created_at) VALUES "
                    + "('web', 'old', 'h', gen_random_uuid(), now() - interval '8 days'),"
                    + "('web', 'new', 'h', gen_random_uuid(), now() - interval '1 hour')");

            Config windows = Config.create().get("retention");
            RetentionJob job = RetentionJob.manual(database.client(), java.util.List.of(
                    RetentionJob.processedEvents(windows),
                    new RetentionJob.Rule("idempotency_key", "created_at", "", RetentionJob.window(windows, "idempotencykeys"))),
                    Clock.systemUTC());

            assertThat(job.runOnce()).isEqualTo(2);
            assertThat(count(statement, "processed_event")).isEqualTo(1);
            assertThat(count(statement, "idempotency_key WHERE key = 'new'")).isEqualTo(1);
            assertThat(count(statement, "idempotency_key")).isEqualTo(1);
        }
    }

    private static long count(Statement statement, String from) throws Exception {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
