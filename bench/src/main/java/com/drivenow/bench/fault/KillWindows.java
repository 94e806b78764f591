package com.drivenow.bench.fault;

import com.drivenow.platform.Pause;
import com.drivenow.bench.system.DriveNowSystem;
import com.drivenow.bench.system.Instance;
import com.drivenow.bench.system.Server;

import java.time.Duration;

/**
 * kill -9 inside the windows where it hurts most. Each is a few milliseconds wide, so a kill at a
 * random moment almost always misses it (the quick form used to see about one duplicate a run, and
 * no redelivery at all); a {@link TableHold} on the server's database keeps the window open until
 * the server is in it, then the kill lands there:
 * <ul>
 *   <li>the booking server's outbox relay has had a batch confirmed by the broker but not deleted
 *       it yet: after the restart the batch is published again, and inventory must skip each of
 *       those events as a duplicate;</li>
 *   <li>an inventory consumer is in the middle of an event, with more pushed to it (the prefetch),
 *       none acknowledged: the broker delivers them again, flagged redelivered, to the other
 *       instance, which keeps consuming.</li>
 * </ul>
 * When the window does not open in time (no load flowing), the server is killed all the same.
 */
final class KillWindows {

    private static final int RELAY_ATTEMPTS = 10;
    private static final Duration RELAY_PATIENCE = Duration.ofSeconds(1);
    private static final Duration CONSUMERS_PATIENCE = Duration.ofSeconds(5);

    private KillWindows() {
    }

    /**
     * Holds the booking outbox's writes (a SHARE lock: the relay may still claim and publish rows,
     * not delete them) until the relay waits to delete a confirmed batch, then kills. A try in which
     * the relay had nothing to publish is let go after a second, so the load goes on, and made again.
     *
     * @return whether the kill landed in the window
     */
    static boolean killBookingAfterConfirm(DriveNowSystem system, Instance booking) {
        for (int attempt = 1; attempt <= RELAY_ATTEMPTS; attempt++) {
            try (TableHold outbox = TableHold.take(system.databaseUrl(Server.BOOKING), "outbox_message", "SHARE")) {
                // The victim's own relay: another booking instance's relay may wait there too.
                if (outbox.awaitWaiting(1, "DELETE FROM outbox_message", booking.name(), RELAY_PATIENCE)) {
                    system.kill(booking);
                    return true;
                }
            }
            Pause.quietly(Duration.ofMillis(100));
        }
        system.kill(booking);
        return false;
    }

    /**
     * Holds the cars (an EXCLUSIVE lock: reads go on, no consumer can lock or change a car) until
     * every inventory instance's consumer waits in the middle of an event, while the broker keeps
     * pushing it more; then banks the victim's counters (they cannot move while it waits) and kills it.
     *
     * @return whether the kill landed in the window
     */
    static boolean killInventoryWithUnacked(DriveNowSystem system, Instance victim, DeliveryCounters counters) {
        try (TableHold cars = TableHold.take(system.databaseUrl(Server.INVENTORY), "car", "EXCLUSIVE")) {
            boolean inWindow = cars.awaitWaiting(system.instances(Server.INVENTORY).size(), "", CONSUMERS_PATIENCE);
            counters.bankBeforeKill(system.url(victim));
            system.kill(victim);
            return inWindow;
        }
    }
}
