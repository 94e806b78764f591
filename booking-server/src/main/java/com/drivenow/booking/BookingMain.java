package com.drivenow.booking;

import com.drivenow.platform.web.ServerLaunch;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Starts the booking server with {@code application.yaml} and environment overrides. */
public final class BookingMain {

    private BookingMain() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        BookingServer server = ServerLaunch.start(() -> BookingServer.start(Config.create()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "booking-server-stop"));
    }
}
