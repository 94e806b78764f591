package com.drivenow.bench.fault;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every desk's live view against the booking changes committed (from the booking database, with
 * their times): each change must have been shown to each desk, unless it was committed while that
 * desk's gateway or the broker was down ({@link Outages}).
 */
final class LiveEventAudit {

    private record Change(String key, Instant at) {
    }

    private final Sql booking;
    private final Outages outages;

    LiveEventAudit(Sql booking, Outages outages) {
        this.booking = booking;
        this.outages = outages;
    }

    List<LiveEventFigures> audit(List<LiveEventWatcher> watchers, Violations violations) {
        List<Change> changes = changes();
        List<LiveEventFigures> figures = new ArrayList<>();
        for (LiveEventWatcher watcher : watchers) {
            long seen = 0;
            long excused = 0;
            List<String> missed = new ArrayList<>();
            for (Change change : changes) {
                if (watcher.saw(change.key())) {
                    seen++;
                } else if (outages.covers(watcher.gateway(), change.at())) {
                    excused++;
                } else {
                    missed.add(change.key() + " at " + change.at());
                }
            }
            violations.report("booking changes never shown to the desk on " + watcher.gateway()
                    + " although its gateway was up", missed);
            figures.add(new LiveEventFigures(watcher.gateway().name(), changes.size(), seen, excused, missed.size(),
                    watcher.carChangesSeen(), watcher.connections(), watcher.resumes()));
        }
        return figures;
    }

    private List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        booking.query("SELECT id, created_at, picked_up_at, returned_at, cancelled_at FROM booking", row -> {
            Object id = row.getObject(1);
            add(changes, id, "RESERVED", row.getTimestamp(2));
            add(changes, id, "ACTIVE", row.getTimestamp(3));
            add(changes, id, "RETURNED", row.getTimestamp(4));
            add(changes, id, "CANCELLED", row.getTimestamp(5));
            return null;
        });
        return changes;
    }

    private static void add(List<Change> changes, Object id, String status, Timestamp at) {
        if (at != null) {
            changes.add(new Change(LiveEventWatcher.key(id, status), at.toInstant()));
        }
    }
}
