package com.drivenow.platform.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicasTest {

    @Test
    void callsTakeTheReplicasByTurns() {
        Replicas replicas = Replicas.parse(" http://a:1/, http://b:2 ", Duration.ofSeconds(10));
        assertThat(replicas.all()).containsExactly("http://a:1", "http://b:2");
        assertThat(replicas.order()).containsExactly("http://a:1", "http://b:2");
        assertThat(replicas.order()).containsExactly("http://b:2", "http://a:1");
    }

    @Test
    void aReplicaThatFailedIsTriedLastForAWhile() {
        Replicas replicas = Replicas.parse("http://a,http://b,http://c", Duration.ofSeconds(10));
        replicas.failed("http://a");
        for (int call = 0; call < 3; call++) {
            assertThat(replicas.order()).hasSize(3).last().isEqualTo("http://a");
        }
        replicas.succeeded("http://a");
        assertThat(List.of(replicas.order().getFirst(), replicas.order().getFirst(), replicas.order().getFirst()))
                .contains("http://a");
    }

    @Test
    void locationsLoseTheReplicaTheyName() {
        Replicas replicas = Replicas.parse("http://a:1,http://b:2", Duration.ofSeconds(1));
        assertThat(replicas.relative("http://b:2/api/v1/bookings/7")).isEqualTo("/api/v1/bookings/7");
        assertThat(replicas.relative("/api/v1/bookings/7")).isEqualTo("/api/v1/bookings/7");
    }

    @Test
    void onlyAConnectionNeverMadeSaysNothingWasSent() {
        assertThat(Replicas.neverConnected(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
        assertThat(Replicas.neverConnected(new RuntimeException(new java.io.IOException("reset")))).isFalse();
    }
}
