package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One failure the suite creates under load, and the recovery that follows it. Where a server runs
 * as several instances, the kills take them by turns, round by round.
 */
enum Fault {
    KILL_BOOKING("kill -9 one booking-server (by turns) after its relay had a batch confirmed, start it again"),
    KILL_INVENTORY("kill -9 one inventory-server (by turns) amid unacknowledged events, start it again"),
    KILL_GATEWAY("kill -9 one api-gateway (by turns), start it again"),
    CUT_BROKER("cut the broker's connections for 3 s, restore"),
    ROLLING_RESTART("rolling restart: SIGTERM every server in turn, start it again");

    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(3);

    /** What a fault needs and what it reports: the system, the counters to bank, the outages it caused. */
    record Context(DriveNowSystem system, DeliveryCounters counters, Outages outages, RestartFigures restarts) {
    }

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** Injects the fault in {@code round} (from 1) and recovers; returns what it did, for the log. */
    String inject(Context context, int round) {
        DriveNowSystem system = context.system();
        return switch (this) {
            case KILL_BOOKING -> {
                Instance booking = byTurns(system, Server.BOOKING, round);
                boolean inWindow = KillWindows.killBookingAfterConfirm(system, booking);
                context.restarts().killed();
                system.start(booking);
                yield booking + (inWindow ? " killed with a confirmed batch still in its outbox"
                        : " killed, but its relay had no confirmed batch to delete");
            }
            case KILL_INVENTORY -> {
                Instance victim = byTurns(system, Server.INVENTORY, round);
                boolean inWindow = KillWindows.killInventoryWithUnacked(system, victim, context.counters());
                context.restarts().killed();
                system.start(victim);
                yield victim + (inWindow ? " killed amid unacknowledged events" : " killed, but no consumer was amid an event");
            }
            case KILL_GATEWAY -> {
                Instance gateway = byTurns(system, Server.GATEWAY, round);
                Instant down = Instant.now();
                system.kill(gateway);
                context.restarts().killed();
                system.start(gateway);
                context.outages().gatewayDown(gateway, down);
                yield gateway + " killed";
            }
            case CUT_BROKER -> {
                Instant down = Instant.now();
                system.cutBroker();
                Pause.quietly(BROKER_OUTAGE);
                system.restoreBroker();
                context.outages().allFeedsDown(down);
                yield "broker restored";
            }
            case ROLLING_RESTART -> rollingRestart(context);
        };
    }

    private static Instance byTurns(DriveNowSystem system, Server server, int round) {
        List<Instance> instances = system.instances(server);
        return instances.get((round - 1) % instances.size());
    }

    private static String rollingRestart(Context context) {
        DriveNowSystem system = context.system();
        long failedBefore = context.restarts().failedSoFar();
        StringBuilder done = new StringBuilder();
        for (Server server : Server.values()) {
            for (Instance instance : system.instances(server)) {
                if (server == Server.INVENTORY) {
                    // Its consumer's counters die with it; the graceful stop still moves them.
                    context.counters().bankBeforeKill(system.url(instance));
                }
                Instant down = Instant.now();
                Duration stopped = system.stop(instance);
                system.start(instance);
                if (server == Server.GATEWAY) {
                    context.outages().gatewayDown(instance, down);
                }
                context.restarts().restarted(stopped);
                done.append(done.isEmpty() ? "" : ", ").append(instance).append(" stopped in ")
                        .append(stopped.toMillis()).append(" ms");
            }
        }
        context.restarts().rollingRestartDone(failedBefore);
        return done.toString();
    }

    @Override
    public String toString() {
        return description;
    }
}
