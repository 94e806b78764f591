package com.drivenow.booking.availability;

import com.drivenow.platform.db.Rows;
import com.drivenow.booking.pricing.Money;
import com.drivenow.booking.pricing.PriceBreakdown;
import com.drivenow.booking.pricing.Pricing;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cars free for a whole window, in one query over the fleet copy and the bookings, so it answers
 * while the inventory server is down. A car is free when it is in service and no booking that holds
 * it overlaps the window; an ACTIVE booking past its end still holds the car until it is back.
 */
public final class AvailabilitySearch {

    private final DbClient db;

    public AvailabilitySearch(DbClient db) {
        this.db = db;
    }

    public record Item(JsonNode car, Money quote, PriceBreakdown priceBreakdown) {
    }

    public List<Item> find(Instant from, Instant to, Optional<String> category, Optional<String> location) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.car_json, c.daily_rate, c.currency FROM fleet_car c
                WHERE c.status NOT IN ('RETIRED', 'MAINTENANCE')
                AND NOT EXISTS (SELECT 1 FROM booking b
                    WHERE b.car_id = c.id AND b.status IN ('RESERVED', 'ACTIVE', 'NEEDS_ATTENTION')
                    AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(?, ?, '[)'))
                AND NOT EXISTS (SELECT 1 FROM booking b
                    WHERE b.car_id = c.id AND b.status = 'ACTIVE'
                    AND b.starts_at < ? AND greatest(b.ends_at, now()) > ?)""");
        // Two tests, not one: the first is written exactly like the no-overlap constraint so its GiST index
        // answers it; the second (a rental running late holds the car until it is back) uses the index of
        // ACTIVE bookings per car.
        List<Object> params = new ArrayList<>(List.of(Rows.utc(from), Rows.utc(to), Rows.utc(to), Rows.utc(from)));
        category.ifPresent(c -> {
            sql.append(" AND c.category = ?");
            params.add(c);
        });
        location.ifPresent(l -> {
            sql.append(" AND c.location = ?");
            params.add(l);
        });
        sql.append(" ORDER BY c.daily_rate, c.plate");
        return db.execute().query(sql.toString(), params.toArray())
                .map(row -> {
                    Pricing.Quote quote = Pricing.quote(
                            new Money(Rows.text(row, "currency"), Rows.decimal(row, "daily_rate")), from, to);
                    return new Item(json(Rows.text(row, "car_json")), quote.total(), quote.breakdown());
                })
                .toList();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
