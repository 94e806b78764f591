package com.drivenow.bench.fault;

import java.util.List;

/** The figures of a fault run and every invariant it broke (none, when all is well). */
public record AuditResult(LoadFigures load, EventFigures events, IntegrityFigures integrity,
                          List<String> parkedByInventory, RestartFigures restarts, List<LiveEventFigures> liveEvents,
                          List<String> violations) {

    public String summary() {
        return """
                requests sent            %d
                201 created              %d
                409 conflict             %d
                connection failures      %d   (expected while a server was killed)
                502/503/504              %d   (expected while a server was killed)
                other errors             %d %s
                gave up                  %d   (no answer however long retried)
                kills (kill -9)          %d
                restarts (SIGTERM)       %d   (slowest stop %d ms)
                failed in rolling restarts %d (after the client's retries)
                picked up / returned     %d / %d
                events published         %d
                events applied           %d
                duplicates skipped       %d   (inventory consumers, every instance and life)
                redeliveries             %d   (inventory consumers, every instance and life)
                events lost              %d
                parked (inventory)       %d %s
                bookings lost            %d   (answered 201, not in the database)
                bookings doubled         %d   (overlapping holds, or a car out twice)
                cars inconsistent        %d   (inventory disagrees with the bookings out)
                live events per desk
                  %s
                violations               %s""".formatted(load.requests(), load.created(), load.conflicts(),
                load.connectionFailures(), load.unavailable(), load.otherErrors(),
                load.unexpectedAnswers().isEmpty() ? "" : load.unexpectedAnswers().stream().limit(5).toList(), load.gaveUp(), restarts.kills(),
                restarts.restarts(), restarts.slowestStop().toMillis(), restarts.failedInRollingRestarts(),
                load.pickedUp(), load.returned(),
                events.published(), events.applied(), events.duplicates(), events.redelivered(), events.lost(),
                parkedByInventory.size(), firstFew(parkedByInventory), integrity.lost(), integrity.doubled(),
                integrity.inconsistent(), String.join("\n  ", liveEvents.stream().map(LiveEventFigures::line).toList()),
                violations.isEmpty() ? "none" : String.join("\n  ", violations));
    }

    private static String firstFew(List<String> ids) {
        return ids.size() <= 3 ? ids.toString() : ids.subList(0, 3) + " and " + (ids.size() - 3) + " more";
    }
}
