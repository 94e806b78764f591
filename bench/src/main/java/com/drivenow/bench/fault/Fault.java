package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;

import java.time.Duration;
import java.util.List;

/** One failure the suite creates under load, and the recovery that follows it. */
enum Fault {
    KILL_BOOKING("kill -9 booking-server after its relay had a batch confirmed, start it again"),
    KILL_INVENTORY("kill -9 one inventory-server (by turns) amid unacknowledged events, start it again"),
    KILL_GATEWAY("kill -9 api-gateway, start it again"),
    CUT_BROKER("cut the broker's connections for 3 s, restore");

    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(3);

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** Injects the fault in {@code round} (from 1) and recovers; returns what it did, for the log. */
    String inject(DriveNowSystem system, int round, DeliveryCounters counters) {
        return switch (this) {
            case KILL_BOOKING -> {
                Instance booking = Instance.first(Server.BOOKING);
                boolean inWindow = KillWindows.killBookingAfterConfirm(system, booking);
                system.start(booking);
                yield booking + (inWindow ? " killed with a confirmed batch still in its outbox"
                        : " killed, but its relay had no confirmed batch to delete");
            }
            case KILL_INVENTORY -> {
                List<Instance> inventories = system.instances(Server.INVENTORY);
                Instance victim = inventories.get((round - 1) % inventories.size());
                boolean inWindow = KillWindows.killInventoryWithUnacked(system, victim, counters);
                system.start(victim);
                yield victim + (inWindow ? " killed amid unacknowledged events" : " killed, but no consumer was amid an event");
            }
            case KILL_GATEWAY -> restart(system, Instance.first(Server.GATEWAY));
            case CUT_BROKER -> {
                system.cutBroker();
                Pause.quietly(BROKER_OUTAGE);
                system.restoreBroker();
                yield "broker restored";
            }
        };
    }

    private static String restart(DriveNowSystem system, Instance instance) {
        system.kill(instance);
        system.start(instance);
        return instance + " killed";
    }

    @Override
    public String toString() {
        return description;
    }
}
