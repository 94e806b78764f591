package com.drivenow.gateway;

import com.drivenow.platform.web.ServerLaunch;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Starts the gateway with application.yaml (overridable from the environment). */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        GatewayServer server = ServerLaunch.start(() -> GatewayServer.start(Config.create()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gateway-stop"));
        System.getLogger(GatewayMain.class.getName()).log(System.Logger.Level.INFO,
                "DriveNow gateway listening on port {0}", String.valueOf(server.port()));
    }
}
