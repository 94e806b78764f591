package com.drivenow.desk.data;

import com.drivenow.desk.ContractGatewayServerAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeskLoaderTest {

    @Test
    void loadsTheWholeFleetAndTheOpenBookings() throws Exception {
        try (var server = ContractGatewayServerAccess.withDemoFleet()) {
            var client = new com.drivenow.desk.api.GatewayClient(server.uri());
            client.signIn("agent", "agent");
            DeskLoader.Snapshot snapshot = new DeskLoader(client).load(java.time.Instant.now().minusSeconds(3600), 14);
            assertThat(snapshot.cars()).hasSize(12);
            assertThat(snapshot.bookings()).hasSize(8);
        }
    }
}
