package com.drivenow.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Duplicates the inventory consumer skipped, summed over its lives: a kill -9 resets the counter,
 * so it is read just before each kill and once at the end.
 */
final class DuplicateCounter {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String METRIC = "inventory_booking_events_duplicates";

    private long fromEarlierLives;

    /** Adds the current life's count to the total; call before killing the inventory server. */
    void bankBeforeKill(URI inventory) {
        fromEarlierLives += read(inventory);
    }

    long total(URI inventory) {
        return fromEarlierLives + read(inventory);
    }

    private static long read(URI inventory) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(inventory.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith(METRIC))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read inventory metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
