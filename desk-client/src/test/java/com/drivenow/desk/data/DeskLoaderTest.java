package com.drivenow.desk.data;

import com.drivenow.desk.ContractGatewayServerAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeskLoaderTest {

    @Test
    void loadsTheBranchesTheWholeFleetAndTheOpenBookings() throws Exception {
        try (var server = ContractGatewayServerAccess.withDemoFleet()) {
            var client = new com.drivenow.desk.api.GatewayClient(server.uri());
            client.signIn("agent", "agent");
            DeskLoader.Snapshot snapshot = new DeskLoader(client).load(java.time.Instant.now().minusSeconds(3600), 14);
            assertThat(snapshot.branches()).extracting(com.drivenow.desk.api.Branch::code).containsExactly("BER-TXL", "HAM", "MUC-AP");
            assertThat(snapshot.cars()).hasSize(12);
            assertThat(snapshot.bookings()).hasSize(8);
        }
    }
}
