package com.drivenow.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * What the inventory instances' booking-events consumers counted at {@code GET /metrics}, summed
 * over every instance and all its lives: a kill -9 resets an instance's counters, so they are read
 * just before each kill and once at the end.
 */
final class DeliveryCounters {

    /** Events delivered again and skipped because they were applied before. */
    static final String DUPLICATES = "inventory_booking_events_duplicates_total";
    /** Deliveries the broker flagged as redelivered (after a crash, a lost ack, a cut connection). */
    static final String REDELIVERED = "inventory_booking_events_redelivered_total";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The two counters, summed. */
    record Deliveries(long duplicates, long redelivered) {
        Deliveries plus(Deliveries other) {
            return new Deliveries(duplicates + other.duplicates, redelivered + other.redelivered);
        }
    }

    private Deliveries fromEarlierLives = new Deliveries(0, 0);

    /** Adds the current life's counts of {@code instance} to the total; call just before killing it. */
    void bankBeforeKill(URI instance) {
        fromEarlierLives = fromEarlierLives.plus(read(instance));
    }

    /** The banked counts plus the current lives' of {@code instances} (every instance running now). */
    Deliveries total(List<URI> instances) {
        return instances.stream().map(DeliveryCounters::read).reduce(fromEarlierLives, Deliveries::plus);
    }

    private static Deliveries read(URI instance) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(instance.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Deliveries(value(metrics, DUPLICATES, instance), value(metrics, REDELIVERED, instance));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the metrics of " + instance + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the metrics of " + instance, e);
        }
    }

    /** The sum of the samples of {@code name} (one per tag set, as {@code name{scope="application",} 3.0}). */
    private static long value(String metrics, String name, URI instance) {
        List<String> samples = metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
        if (samples.isEmpty()) {
            // A renamed meter must fail the suite, not read as "the window was never hit".
            throw new IllegalStateException(instance + "/metrics has no " + name);
        }
        return samples.stream()
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
