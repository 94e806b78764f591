package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick form of the fault suite: one round of every fault (kill -9 of each server, one of the
 * two inventory-server instances among them, a broker cut) under three desks' load, against
 * TestInfrastructure's PostgreSQL and broker (the machine's with DRIVENOW_TEST_*, embedded
 * otherwise). The kills land in their dangerous windows ({@link KillWindows}), so the run must show
 * redeliveries and skipped duplicates, and still nothing lost, doubled or inconsistent.
 */
class FaultSuiteTest {

    @Test
    void nothingIsLostOrDoubledWhenServersDieAndTheBrokerGoesAway() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        // The suite makes its own databases; any database of the test server serves to create them from.
        String adminUrl = infrastructure.freshDatabase("fault_suite_admin");
        SystemSettings settings = new SystemSettings(SystemSettings.repositoryRoot(), adminUrl, infrastructure.amqp(),
                SystemSettings.repositoryRoot().resolve("bench").resolve("target").resolve("bench-logs"), List.of());

        AuditResult result = new FaultSuite(3, 2, 1, Duration.ofSeconds(4), 2).run(settings, System.out);

        assertThat(result.load().created()).as("bookings created under load").isGreaterThan(10);
        assertThat(result.load().returned()).as("rentals completed under load").isGreaterThan(5);
        assertThat(result.events().redelivered()).as("deliveries flagged redelivered (an inventory killed amid them)")
                .isPositive();
        assertThat(result.events().duplicates()).as("duplicates skipped (booking killed after a confirm)")
                .isPositive();
        assertThat(result.integrity().lost()).as("bookings answered 201 but missing").isZero();
        assertThat(result.integrity().doubled()).as("overlapping holds or cars out twice").isZero();
        assertThat(result.integrity().inconsistent()).as("cars inconsistent with their out bookings").isZero();
        assertThat(result.events().lost()).isZero();
        assertThat(result.events().applied()).isEqualTo(result.events().published());
        assertThat(result.parkedByInventory()).hasSize(1);
        assertThat(result.violations()).isEmpty();
    }
}
