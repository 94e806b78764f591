package com.drivenow.bench.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick form of the replica suite: two gateways, two booking servers and two inventory servers
 * on one database each and one broker, four desks spread over both gateways; kill -9 of one replica
 * of each server mid-load, then a rolling restart of all six with SIGTERM. Nothing lost, doubled or
 * inconsistent; no request failed for the retrying desks during the rolling restart; each gateway's
 * desk was shown every booking change while its gateway was up, resuming with Last-Event-ID.
 */
class ReplicaSuiteTest {

    @Test
    void twoOfEveryServerSurviveKillsAndARollingRestart() {
        // Six servers start and restart on a small machine: C1 alone gets each up sooner.
        AuditResult result = FaultSuite.replicas(4, 2, 1, Duration.ofSeconds(2))
                .run(TestSystems.settings("replica_suite", List.of("-XX:TieredStopAtLevel=1")), System.out);

        assertThat(result.load().created()).as("bookings created under load").isGreaterThan(10);
        assertThat(result.load().returned()).as("rentals completed under load").isGreaterThan(5);
        assertThat(result.restarts().kills()).as("one kill -9 of each server").isEqualTo(3);
        assertThat(result.restarts().restarts()).as("every server restarted with SIGTERM").isEqualTo(6);
        assertThat(result.restarts().failedInRollingRestarts()).as("requests failed during the rolling restart")
                .isZero();
        assertThat(result.load().gaveUp()).isZero();
        assertThat(result.integrity().lost()).as("bookings answered 201 but missing").isZero();
        assertThat(result.integrity().doubled()).as("overlapping holds or cars out twice").isZero();
        assertThat(result.integrity().inconsistent()).as("cars inconsistent with their out bookings").isZero();
        assertThat(result.events().redelivered()).as("deliveries flagged redelivered (an inventory killed amid them)")
                .isPositive();
        assertThat(result.events().duplicates()).as("duplicates skipped (a booking server killed after a confirm)")
                .isPositive();
        assertThat(result.events().lost()).isZero();
        assertThat(result.events().applied()).isEqualTo(result.events().published());
        assertThat(result.liveEvents()).as("one desk on each gateway").hasSize(2).allSatisfy(desk -> {
            assertThat(desk.missed()).as("changes missed while " + desk.gateway() + " was up").isZero();
            assertThat(desk.seen()).as("changes shown on " + desk.gateway()).isGreaterThan(desk.expected() / 2);
            assertThat(desk.resumes()).as("reconnects with Last-Event-ID").isPositive();
        });
        assertThat(result.violations()).isEmpty();
    }
}
