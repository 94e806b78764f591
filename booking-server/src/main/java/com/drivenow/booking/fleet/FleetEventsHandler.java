package com.drivenow.booking.fleet;

import com.drivenow.booking.branch.BranchCopy;
import com.drivenow.booking.branch.BranchRules;
import com.drivenow.platform.messaging.EventHandler;
import com.drivenow.platform.messaging.IncomingEvent;
import com.drivenow.platform.messaging.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbTransaction;

import java.util.UUID;

/**
 * Applies the inventory server's fleet events: {@code car.*} and {@code branch.*} refresh the fleet
 * and branch copies (highest version wins), {@code booking.conflict} goes to the rental life cycle. Anything else on the exchange is
 * not for us and is acknowledged without effect.
 */
public final class FleetEventsHandler implements EventHandler {

    public static final String CONFLICT = "booking.conflict";

    private final FleetCopy fleet;
    private final BranchCopy branches;
    private final BookingConflict.Listener conflicts;

    public FleetEventsHandler(FleetCopy fleet, BranchCopy branches, BookingConflict.Listener conflicts) {
        this.fleet = fleet;
        this.branches = branches;
        this.conflicts = conflicts;
    }

    @Override
    public String handle(DbTransaction tx, IncomingEvent event) {
        if (event.type().startsWith("car.")) {
            FleetCar car;
            try {
                car = FleetCar.fromJson(event.body().get("car"));
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("car event without a usable car: " + e.getMessage());
            }
            return fleet.save(tx, car) ? "applied version " + car.version() : "stale version " + car.version();
        }
        if (event.type().startsWith("branch.")) {
            BranchRules branch;
            try {
                branch = BranchRules.fromJson(event.body().get("branch"));
            } catch (RuntimeException e) {
                throw new PoisonEventException("branch event without a usable branch: " + e.getMessage());
            }
            return branches.save(tx, branch) ? "applied version " + branch.version() : "stale version " + branch.version();
        }
        if (CONFLICT.equals(event.type())) {
            return conflicts.conflicted(tx, conflict(event.body()));
        }
        return "ignored: " + event.type();
    }

    private static BookingConflict conflict(JsonNode body) {
        try {
            return new BookingConflict(UUID.fromString(body.path("bookingId").asText()),
                    UUID.fromString(body.path("carId").asText()),
                    body.hasNonNull("sourceEventId") ? UUID.fromString(body.get("sourceEventId").asText()) : null,
                    body.path("sourceEventType").asText(null),
                    body.hasNonNull("sourceSequence") ? body.get("sourceSequence").asLong() : null,
                    body.path("reason").asText("conflict"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("booking.conflict without booking or car id: " + e.getMessage());
        }
    }
}
