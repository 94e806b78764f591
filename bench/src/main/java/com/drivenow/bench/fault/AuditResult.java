package com.drivenow.bench.fault;

import java.util.List;

/** The figures of a fault run and every invariant it broke (none, when all is well). */
public record AuditResult(LoadFigures load, EventFigures events, List<String> parkedByInventory,
                          List<String> violations) {

    public String summary() {
        return """
                requests sent            %d
                201 created              %d
                409 conflict             %d
                connection failures      %d   (expected while a server was killed)
                502/503/504              %d   (expected while a server was killed)
                other errors             %d
                picked up / returned     %d / %d
                events published         %d
                events applied           %d
                duplicates skipped       %d   (inventory consumers, every instance and life)
                redeliveries             %d   (inventory consumers, every instance and life)
                events lost              %d
                parked (inventory)       %s
                violations               %s""".formatted(load.requests(), load.created(), load.conflicts(),
                load.connectionFailures(), load.unavailable(), load.otherErrors(), load.pickedUp(), load.returned(),
                events.published(), events.applied(), events.duplicates(), events.redelivered(), events.lost(),
                parkedByInventory, violations.isEmpty() ? "none" : String.join("\n  ", violations));
    }
}
