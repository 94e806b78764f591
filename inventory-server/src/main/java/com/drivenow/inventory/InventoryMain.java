package com.drivenow.inventory;

import com.drivenow.platform.web.ServerLaunch;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Starts the inventory server with application.yaml and the environment. */
public final class InventoryMain {

    private InventoryMain() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        InventoryServer server = ServerLaunch.start(() -> InventoryServer.start(Config.create()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "inventory-shutdown"));
    }
}
