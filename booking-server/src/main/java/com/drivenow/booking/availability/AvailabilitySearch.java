package com.drivenow.booking.availability;

import com.drivenow.platform.db.Rows;
import com.drivenow.booking.pricing.Money;
import com.drivenow.booking.pricing.PriceBreakdown;
import com.drivenow.booking.pricing.Pricing;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.drivenow.booking.rental.CarHolds;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbStatementQuery;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Cars free for a whole window, in one query over the fleet copy and the bookings, so it answers
 * while the inventory server is down. A car is free when it is in service and no booking holds it
 * during the window ({@link CarHolds}: as booked, picked up early, or still out past its end).
 */
public final class AvailabilitySearch {

    /**
     * Where a car will stand when the window starts: the return branch of its last booking still to
     * come back before then (a one-way rental moves it), else where it stands now.
     */
    private static final String WHERE_IT_WILL_BE = "coalesce((SELECT b.return_branch FROM booking b "
            + "WHERE b.car_id = c.id AND b.returned_at IS NULL AND b.held IS NOT NULL AND upper(b.held) <= :from "
            + "ORDER BY upper(b.held) DESC LIMIT 1), c.location)";

    private final DbClient db;
    private final Clock clock;

    public AvailabilitySearch(DbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Item(JsonNode car, Money quote, PriceBreakdown priceBreakdown) {
    }

    public List<Item> find(Instant from, Instant to, Optional<String> category, Optional<String> location) {
        // Two tests, not one OR: the first is the exclusion constraint's own, so its GiST index answers
        // it; the second (a car out past its end holds it until it is back) uses the index of cars out.
        StringBuilder sql = new StringBuilder("SELECT c.car_json, c.daily_rate, c.currency, "
                + "(SELECT fb.branch_json ->> 'timeZone' FROM fleet_branch fb WHERE fb.code = c.location) AS time_zone "
                + "FROM fleet_car c "
                + "WHERE c.status NOT IN ('RETIRED', 'MAINTENANCE') "
                + "AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.car_id = c.id AND " + CarHolds.OVERLAPS_WINDOW + ") "
                + "AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.car_id = c.id AND " + CarHolds.OUT_PAST_ITS_END + ")");
        category.ifPresent(c -> sql.append(" AND c.category = :category"));
        location.ifPresent(l -> sql.append(" AND " + WHERE_IT_WILL_BE + " = :location"));
        sql.append(" ORDER BY c.daily_rate, c.plate");
        DbStatementQuery query = db.execute().createQuery(sql.toString())
                .addParam("from", Rows.utc(from))
                .addParam("to", Rows.utc(to))
                .addParam("now", Rows.utc(clock.instant()));
        category.ifPresent(c -> query.addParam("category", c));
        location.ifPresent(l -> query.addParam("location", l));
        return query.execute()
                .map(row -> {
                    // Quoted on the calendar of the branch the car stands at, as the booking will be charged.
                    String zone = Rows.text(row, "time_zone");
                    Pricing.Quote quote = Pricing.quote(new Money(Rows.text(row, "currency"),
                            Rows.decimal(row, "daily_rate")), from, to, ZoneId.of(zone == null ? "UTC" : zone));
                    return new Item(json(Rows.text(row, "car_json")), quote.price(), quote.priceBreakdown());
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
