package com.drivenow.bench.fault;

/**
 * What one desk's live view on one gateway showed of the booking changes committed in the run.
 *
 * @param gateway        the gateway the desk follows
 * @param expected       booking changes committed (created, picked up, returned, cancelled)
 * @param seen           of those, the ones the desk was shown
 * @param missedInOutage missed while its gateway (or the broker) was down: the live view is not durable
 * @param missed         missed while its gateway was up: must be 0
 * @param carChanges     car changes shown (not audited; they follow the booking changes)
 * @param connections    streams opened (the first, and one per reconnect)
 * @param resumes        reconnects that sent Last-Event-ID
 */
public record LiveEventFigures(String gateway, long expected, long seen, long missedInOutage, long missed,
                               long carChanges, long connections, long resumes) {

    String line() {
        return "%-15s saw %d of %d booking changes, %d missed while its gateway or the broker was down, %d missed "
                .formatted(gateway, seen, expected, missedInOutage, missed)
                + "otherwise; %d car changes; %d streams, %d resumed with Last-Event-ID".formatted(carChanges,
                connections, resumes);
    }
}
