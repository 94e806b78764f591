package com.drivenow.platform.lifecycle;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The base URLs of a server's replicas, configured as one comma-separated value
 * ({@code http://a:8081, http://b:8081}). Each call gets them all in the order to try: turn by
 * turn, so the load spreads over the replicas, with those that failed within the last
 * {@code cooldown} moved to the end (still tried when all else fails).
 */
public final class Replicas {

    private final List<String> urls;
    private final Duration cooldown;
    private final AtomicLong turn = new AtomicLong();
    private final ConcurrentHashMap<String, Long> failedAt = new ConcurrentHashMap<>();

    public Replicas(List<String> urls, Duration cooldown) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one URL");
        }
        this.urls = urls.stream().map(Replicas::withoutTrailingSlash).toList();
        this.cooldown = cooldown;
    }

    /** {@code "http://a, http://b"}: one or more URLs, separated by commas. */
    public static Replicas parse(String commaSeparated, Duration cooldown) {
        return new Replicas(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList(), cooldown);
    }

    /** Every URL, in the order to try them for one call. */
    public List<String> order() {
        int n = urls.size();
        int first = (int) Math.floorMod(turn.getAndIncrement(), (long) n);
        List<String> healthy = new ArrayList<>(n);
        List<String> recentlyFailed = new ArrayList<>(n);
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String url = urls.get((first + i) % n);
            Long failed = failedAt.get(url);
            (failed != null && now - failed < cooldown.toNanos() ? recentlyFailed : healthy).add(url);
        }
        healthy.addAll(recentlyFailed);
        return healthy;
    }

    /** {@code url} could not be reached: try the others first for a while. */
    public void failed(String url) {
        failedAt.put(url, System.nanoTime());
    }

    public void succeeded(String url) {
        failedAt.remove(url);
    }

    public List<String> all() {
        return urls;
    }

    /** {@code location} without the replica URL it starts with, if any. */
    public String relative(String location) {
        for (String url : urls) {
            if (location.startsWith(url)) {
                return location.substring(url.length());
            }
        }
        return location;
    }

    @Override
    public String toString() {
        return String.join(",", urls);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether {@code error} (or a cause) says the connection was never made: no request was sent. */
    public static boolean neverConnected(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
