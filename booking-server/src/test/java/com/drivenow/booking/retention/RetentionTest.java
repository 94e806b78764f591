package com.drivenow.booking.retention;

import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.booking.BookingServer;
import com.drivenow.localstack.testing.TestServerConfig;
import com.drivenow.platform.config.ServerDefaults;
import com.drivenow.localstack.testing.TestSql;
import com.drivenow.platform.db.Database;
import com.drivenow.platform.db.RetentionJob;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking server's purge, with the windows of its application.yaml: old rows go, recent ones stay. */
class RetentionTest {

    @Test
    void oldProcessedEventsAndIdempotencyKeysArePurgedRecentOnesKept() throws Exception {
        String url = TestInfrastructure.get().freshDatabase("booking_retention");
        try (Database database = Database.start(ServerDefaults.under(BookingServer.class, TestServerConfig.of(Map.of(
                "db.connection.url", url, "db.connection.username", "", "db.connection.password", ""))).get("db"),
                "retention", "db/booking");
             TestSql db = TestSql.open(url)) {
            db.execute("INSERT INTO processed_event (consumer, event_id, message_type, outcome, processed_at) VALUES "
                    + "('c', gen_random_uuid(), 't', 'applied', now() - interval '31 days'),"
                    + "('c', gen_random_uuid(), 't', 'applied', now() - interval '1 day')");
            db.execute("INSERT INTO idempotency_key (caller, key, body_hash, booking_id, created_at) VALUES "
                    + "('web', 'old', 'h', gen_random_uuid(), now() - interval '8 days'),"
                    + "('web', 'new', 'h', gen_random_uuid(), now() - interval '1 hour')");
            Config windows = Config.create().get("retention");

            long deleted = RetentionJob.manual(database.client(), List.of(RetentionJob.processedEvents(windows),
                    new RetentionJob.Rule("idempotency_key", "created_at", "", RetentionJob.window(windows, "idempotencykeys"))),
                    Clock.systemUTC()).runOnce();

            assertThat(deleted).isEqualTo(2);
            assertThat(db.count("processed_event")).isEqualTo(1);
            assertThat(db.count("idempotency_key WHERE key = 'new'")).isEqualTo(1);
            assertThat(db.count("idempotency_key")).isEqualTo(1);
        }
    }
}
