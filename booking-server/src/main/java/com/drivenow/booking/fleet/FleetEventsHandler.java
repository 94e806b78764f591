package com.drivenow.booking.fleet;

import com.drivenow.booking.branch.BranchCopy;
import com.drivenow.booking.branch.BranchRules;
import com.drivenow.platform.messaging.EventHandler;
import com.drivenow.platform.messaging.IncomingEvent;
import com.drivenow.platform.messaging.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbTransaction;

import java.util.UUID;
import java.util.function.Function;

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
            FleetCar car = read(event, "car", FleetCar::fromJson);
            return outcome(fleet.save(tx, car), car.version());
        }
        if (event.type().startsWith("branch.")) {
            BranchRules branch = read(event, "branch", BranchRules::fromJson);
            return outcome(branches.save(tx, branch), branch.version());
        }
        if (CONFLICT.equals(event.type())) {
            return conflicts.conflicted(tx, conflict(event.body()));
        }
        return "ignored: " + event.type();
    }

    /** The event's {@code field} as a {@code T}; an event without a usable one is poison. */
    private static <T> T read(IncomingEvent event, String field, Function<JsonNode, T> parse) {
        try {
            return parse.apply(event.body().get(field));
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " event without a usable " + field + ": " + e.getMessage());
        }
    }

    private static String outcome(boolean changed, long version) {
        return (changed ? "applied version " : "stale version ") + version;
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
