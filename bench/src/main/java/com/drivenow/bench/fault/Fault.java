package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;

import java.time.Duration;

/** One failure the suite creates under load, and the recovery that follows it. */
enum Fault {
    KILL_BOOKING("kill -9 booking-server, start it again"),
    KILL_INVENTORY("kill -9 inventory-server, start it again"),
    KILL_GATEWAY("kill -9 api-gateway, start it again"),
    CUT_BROKER("cut the broker's connections for 3 s, restore");

    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(3);

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    void inject(DriveNowSystem system, DuplicateCounter duplicates) {
        switch (this) {
            case KILL_BOOKING -> restart(system, Server.BOOKING);
            case KILL_INVENTORY -> {
                duplicates.bankBeforeKill(system.url(Server.INVENTORY));
                restart(system, Server.INVENTORY);
            }
            case KILL_GATEWAY -> restart(system, Server.GATEWAY);
            case CUT_BROKER -> {
                system.cutBroker();
                Pause.quietly(BROKER_OUTAGE);
                system.restoreBroker();
            }
        }
    }

    private static void restart(DriveNowSystem system, Server server) {
        Instance instance = Instance.first(server);
        system.kill(instance);
        system.start(instance);
    }

    @Override
    public String toString() {
        return description;
    }
}
