package com.drivenow.desk;

import java.io.IOException;

/** Lets tests in other packages start the contract server with the demo fleet. */
public final class ContractGatewayServerAccess {

    private ContractGatewayServerAccess() {
    }

    public static ContractGatewayServer withDemoFleet() throws IOException {
        ContractGatewayServer server = new ContractGatewayServer();
        new DemoFleet(server);
        return server;
    }
}
