package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
        SystemSettings settings = TestSystems.settings("fault_suite");

        AuditResult result = FaultSuite.faults(3, 2, 1, Duration.ofSeconds(4), 2).run(settings, System.out);

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
        assertThat(result.liveEvents()).singleElement().satisfies(desk -> assertThat(desk.missed()).isZero());
        assertThat(result.violations()).isEmpty();
    }
}
