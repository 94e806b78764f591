package com.drivenow.booking.fleet;

import com.drivenow.platform.db.Rows;
import com.drivenow.booking.pricing.Money;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** The {@code fleet_car} table: the booking server's copy of the inventory, newest version wins. */
public final class FleetCopy {

    static final String COLUMNS = "id, plate, make, model, category, location, daily_rate, currency, mileage_km, "
            + "status, version, car_json";

    /**
     * Stores {@code car} unless a newer or equal version is already known (events may arrive late or
     * twice, and live answers race with events). Returns true when the copy changed.
     */
    public boolean save(DbExecute db, FleetCar car) {
        long changed = db.insert("INSERT INTO fleet_car (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET plate = EXCLUDED.plate, make = EXCLUDED.make, "
                        + "model = EXCLUDED.model, category = EXCLUDED.category, location = EXCLUDED.location, "
                        + "daily_rate = EXCLUDED.daily_rate, currency = EXCLUDED.currency, "
                        + "mileage_km = EXCLUDED.mileage_km, status = EXCLUDED.status, version = EXCLUDED.version, "
                        + "car_json = EXCLUDED.car_json, updated_at = now() "
                        + "WHERE fleet_car.version < EXCLUDED.version",
                car.id(), car.plate(), car.make(), car.model(), car.category(), car.location(),
                car.dailyRate().amount(), car.dailyRate().currency(), car.mileageKm(), car.status(), car.version(),
                car.json().toString());
        return changed > 0;
    }

    public Optional<FleetCar> find(DbExecute db, UUID id) {
        return db.get("SELECT " + COLUMNS + " FROM fleet_car WHERE id = ?", id).map(FleetCopy::read);
    }

    static FleetCar read(DbRow row) {
        return new FleetCar(Rows.uuid(row, "id"), Rows.text(row, "plate"), Rows.text(row, "make"),
                Rows.text(row, "model"), Rows.text(row, "category"), Rows.text(row, "location"),
                new Money(Rows.text(row, "currency"), Rows.decimal(row, "daily_rate")),
                Rows.longValue(row, "mileage_km"), Rows.text(row, "status"), Rows.longValue(row, "version"),
                json(Rows.text(row, "car_json")));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
