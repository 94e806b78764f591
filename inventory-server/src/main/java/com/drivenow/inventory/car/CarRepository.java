package com.drivenow.inventory.car;

import com.drivenow.platform.db.Listing;
import com.drivenow.platform.db.Rows;
import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code car} table. Every write is conditional on the version the caller read, and bumps it,
 * so two writers that read the same version cannot both win.
 */
public final class CarRepository {

    private static final String COLUMNS = "id, plate, make, model, year, category, seats, transmission, fuel_type, "
            + "daily_rate_currency, daily_rate_amount, location, mileage_km, status, rented_by, version, "
            + "created_at, updated_at";

    public Optional<Car> find(DbExecute db, UUID id) {
        return db.get("SELECT " + COLUMNS + " FROM car WHERE id = ?", id).map(CarRepository::car);
    }

    /** Reads the car and holds its row lock until the transaction ends (serialises state changes). */
    public Optional<Car> lock(DbTransaction tx, UUID id) {
        return tx.get("SELECT " + COLUMNS + " FROM car WHERE id = ? FOR UPDATE", id).map(CarRepository::car);
    }

    public Car insert(DbTransaction tx, UUID id, CarSpec spec) {
        return tx.get("INSERT INTO car (id, plate, make, model, year, category, seats, transmission, fuel_type, "
                        + "daily_rate_currency, daily_rate_amount, location, mileage_km, status, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE', 1) RETURNING " + COLUMNS,
                        id, spec.plate(), spec.make(), spec.model(), spec.year(), spec.category().name(), spec.seats(),
                        spec.transmission().name(), spec.fuelType().name(), spec.currency(), spec.dailyRate(),
                        spec.location(), spec.mileageKm())
                .map(CarRepository::car)
                .orElseThrow();
    }

    /** Writes new editable fields if the car is still at {@code current.version()}; empty otherwise. */
    public Optional<Car> update(DbTransaction tx, Car current, CarSpec spec) {
        return tx.get("UPDATE car SET plate = ?, make = ?, model = ?, year = ?, category = ?, seats = ?, "
                        + "transmission = ?, fuel_type = ?, daily_rate_currency = ?, daily_rate_amount = ?, "
                        + "location = ?, mileage_km = ?, version = version + 1, updated_at = now() "
                        + "WHERE id = ? AND version = ? RETURNING " + COLUMNS,
                        spec.plate(), spec.make(), spec.model(), spec.year(), spec.category().name(), spec.seats(),
                        spec.transmission().name(), spec.fuelType().name(), spec.currency(), spec.dailyRate(),
                        spec.location(), spec.mileageKm(), current.id(), current.version())
                .map(CarRepository::car);
    }

    /** Moves the car to {@code status} (held by {@code rentedBy} when RENTED) if still at its version. */
    public Optional<Car> moveTo(DbTransaction tx, Car current, CarStatus status, UUID rentedBy, long mileageKm) {
        return tx.get("UPDATE car SET status = ?, rented_by = ?, mileage_km = ?, version = version + 1, "
                        + "updated_at = now() WHERE id = ? AND version = ? RETURNING " + COLUMNS,
                        status.name(), rentedBy, mileageKm, current.id(), current.version())
                .map(CarRepository::car);
    }

    /** Moves the car to another branch (after a one-way return) if still at its version. */
    public Optional<Car> relocate(DbTransaction tx, Car current, String branch) {
        return tx.createGet("UPDATE car SET location = :branch, version = version + 1, updated_at = now() "
                        + "WHERE id = :id AND version = :version RETURNING " + COLUMNS)
                .addParam("branch", branch).addParam("id", current.id()).addParam("version", current.version())
                .execute().map(CarRepository::car);
    }

    public Page<Car> search(DbExecute db, CarFilter filter, PageRequest page) {
        Listing listing = new Listing("car");
        filter.status().ifPresent(s -> listing.where("status = ?", s.name()));
        filter.category().ifPresent(c -> listing.where("category = ?", c.name()));
        filter.location().ifPresent(l -> listing.where("location = ?", l.toUpperCase(Locale.ROOT)));
        filter.text().map(Listing::containing).ifPresent(like ->
                listing.where("(plate ILIKE ? OR make ILIKE ? OR model ILIKE ?)", like, like, like));
        // plate is unique, so the order is total and pages never overlap or skip
        return listing.page(db, COLUMNS, "plate", page, CarRepository::car);
    }

    public long countByStatus(DbExecute db, CarStatus status) {
        return db.get("SELECT count(*) AS n FROM car WHERE status = ?", status.name())
                .map(row -> row.column("n").get(Long.class))
                .orElse(0L);
    }

    private static Car car(DbRow row) {
        BigDecimal amount = row.column("daily_rate_amount").get(BigDecimal.class);
        return new Car(
                row.column("id").get(UUID.class),
                row.column("plate").get(String.class),
                row.column("make").get(String.class),
                row.column("model").get(String.class),
                row.column("year").get(Integer.class),
                Category.valueOf(row.column("category").get(String.class)),
                row.column("seats").get(Integer.class),
                Transmission.valueOf(row.column("transmission").get(String.class)),
                FuelType.valueOf(row.column("fuel_type").get(String.class)),
                new Money(row.column("daily_rate_currency").get(String.class), amount.setScale(2).toPlainString()),
                row.column("location").get(String.class),
                row.column("mileage_km").get(Long.class),
                CarStatus.valueOf(row.column("status").get(String.class)),
                row.column("version").get(Long.class),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"),
                row.column("rented_by").get(UUID.class));
    }
}
