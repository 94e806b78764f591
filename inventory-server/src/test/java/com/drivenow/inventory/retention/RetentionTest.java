package com.drivenow.inventory.retention;

import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.inventory.InventoryServer;
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

/** Inventory's purge of booking progress: only finished bookings past the window go. */
class RetentionTest {

    @Test
    void finishedBookingsProgressIsPurgedAfterTheWindowOpenOnesNever() throws Exception {
        String url = TestInfrastructure.get().freshDatabase("inventory_retention");
        try (Database database = Database.start(ServerDefaults.under(InventoryServer.class, TestServerConfig.of(Map.of(
                "db.connection.url", url, "db.connection.username", "", "db.connection.password", ""))).get("db"),
                "retention", "db/inventory");
             TestSql db = TestSql.open(url)) {
            db.execute("INSERT INTO booking_progress (booking_id, car_id, last_sequence, open, updated_at) VALUES "
                    + "(gen_random_uuid(), gen_random_uuid(), 3, false, now() - interval '91 days'),"
                    + "(gen_random_uuid(), gen_random_uuid(), 1, true, now() - interval '200 days'),"
                    + "(gen_random_uuid(), gen_random_uuid(), 3, false, now() - interval '2 days')");
            Config windows = Config.create().get("retention");

            long deleted = RetentionJob.manual(database.client(), List.of(new RetentionJob.Rule(
                    "booking_progress", "updated_at", "NOT open", RetentionJob.window(windows, "bookingprogress"))),
                    Clock.systemUTC()).runOnce();

            assertThat(deleted).isEqualTo(1);
            assertThat(db.count("booking_progress WHERE open")).isEqualTo(1);
            assertThat(db.count("booking_progress")).isEqualTo(2);
        }
    }
}
