package com.drivenow.bench.client;

import com.drivenow.localstack.testing.TestBranches;
import com.drivenow.platform.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Adds cars through the inventory server's API, as a fleet manager would. */
public final class Fleet {

    public static final long INITIAL_MILEAGE_KM = 1_000;
    /** The always-open branch the bench's cars stand at. */
    private static final String BRANCH = "BENCH";

    private Fleet() {
    }

    /** Adds {@code count} cars with plates {@code <prefix>-<n>}; returns their ids in order. */
    public static List<UUID> add(ApiClient fleetManager, String prefix, int count) throws IOException {
        Reply branch = fleetManager.post("/api/v1/branches", Json.mapper().readTree(TestBranches.json(BRANCH)));
        if (!branch.is(201) && !branch.is(409)) {
            throw new IllegalStateException("Branch " + BRANCH + " was refused: " + branch);
        }
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Reply created = fleetManager.post("/api/v1/cars", Map.ofEntries(Map.entry("plate", prefix + "-" + i),
                    Map.entry("make", "Bench"), Map.entry("model", "Load"), Map.entry("year", 2024),
                    Map.entry("category", "COMPACT"), Map.entry("seats", 5), Map.entry("transmission", "MANUAL"),
                    Map.entry("fuelType", "PETROL"), Map.entry("dailyRate", Map.of("currency", "EUR", "amount", "49.00")),
                    Map.entry("location", BRANCH), Map.entry("mileageKm", INITIAL_MILEAGE_KM)));
            if (!created.is(201)) {
                throw new IllegalStateException("Car " + prefix + "-" + i + " was refused: " + created);
            }
            ids.add(UUID.fromString(created.text("id")));
        }
        return ids;
    }
}
