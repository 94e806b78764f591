package com.drivenow.booking.rental;

import com.drivenow.booking.inventory.AvailabilityCheck;
import com.drivenow.booking.pricing.Fee;
import com.drivenow.booking.pricing.Money;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.drivenow.booking.pricing.Pricing;
import com.drivenow.platform.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code booking} table: one row per booking, written only inside the life-cycle transactions.
 * {@link #COLUMNS} maps each column to the value it stores, once: the insert, the update (of the
 * columns a life-cycle step may change) and the named parameters are all made from it.
 */
final class BookingRepository {

    /** A column, the named parameter of the same name, and whether life-cycle steps change it. */
    private record Column(String name, boolean changes, Function<StoredBooking, Object> value) {

        static Column fixed(String name, Function<Booking, Object> value) {
            return new Column(name, false, stored -> value.apply(stored.booking()));
        }

        static Column changing(String name, Function<Booking, Object> value) {
            return new Column(name, true, stored -> value.apply(stored.booking()));
        }
    }

    private static final List<Column> COLUMNS = List.of(
            Column.fixed("id", Booking::id),
            Column.fixed("car_id", Booking::carId),
            Column.fixed("car_plate", b -> b.car().plate()),
            Column.fixed("car_make", b -> b.car().make()),
            Column.fixed("car_model", b -> b.car().model()),
            Column.fixed("customer_name", b -> b.customer().name()),
            Column.fixed("customer_email", b -> b.customer().email()),
            Column.fixed("customer_phone", b -> b.customer().phone()),
            Column.fixed("customer_license", b -> b.customer().licenseNumber()),
            Column.fixed("starts_at", b -> Rows.utc(b.window().from())),
            Column.fixed("ends_at", b -> Rows.utc(b.window().to())),
            Column.fixed("pick_up_branch", b -> b.route().pickUpBranch()),
            Column.fixed("return_branch", b -> b.route().returnBranch()),
            Column.fixed("time_zone", b -> b.route().timeZone()),
            Column.fixed("fees", b -> Json.write(b.charge().priceBreakdown().fees())),
            Column.fixed("daily_rate", b -> b.charge().priceBreakdown().dailyRate().amount()),
            Column.fixed("currency", b -> b.charge().priceBreakdown().dailyRate().currency()),
            Column.fixed("days", b -> b.charge().priceBreakdown().days()),
            Column.fixed("availability_check", b -> b.availabilityCheck().name()),
            Column.fixed("created_at", b -> Rows.utc(b.createdAt())),
            Column.fixed("created_by", Booking::createdBy),
            new Column("created_by_integration", false, StoredBooking::createdByIntegration),
            Column.changing("status", b -> b.status().name()),
            Column.changing("late_days", b -> b.charge().priceBreakdown().lateDays()),
            Column.changing("picked_up_at", b -> Rows.utc(b.progress().handOver().pickedUpAt())),
            Column.changing("mileage_out_km", b -> b.progress().handOver().mileageOutKm()),
            Column.changing("returned_at", b -> Rows.utc(b.progress().carReturn().returnedAt())),
            Column.changing("mileage_in_km", b -> b.progress().carReturn().mileageInKm()),
            Column.changing("fuel_percent", b -> b.progress().carReturn().fuelPercent()),
            Column.changing("cancelled_at", b -> Rows.utc(b.progress().cancellation().cancelledAt())),
            Column.changing("cancel_reason", b -> b.progress().cancellation().cancelReason()),
            Column.changing("attention_reason", b -> b.progress().attentionReason()),
            new Column("sequence", true, StoredBooking::sequence));

    private static final TypeReference<List<Fee>> FEES = new TypeReference<>() { };

    static final String SELECT_COLUMNS = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    private static final String INSERT = "INSERT INTO booking (" + SELECT_COLUMNS + ") VALUES ("
            + COLUMNS.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", ")) + ")";

    private static final String UPDATE = "UPDATE booking SET "
            + COLUMNS.stream().filter(Column::changes).map(c -> c.name() + " = :" + c.name())
                    .collect(Collectors.joining(", "))
            + " WHERE id = :id";

    void insert(DbExecute db, StoredBooking stored) {
        db.createInsert(INSERT).params(params(stored)).execute();
    }

    /** Writes every column a life-cycle step may change, and the new sequence. */
    void update(DbExecute db, StoredBooking stored) {
        db.createUpdate(UPDATE).params(params(stored)).execute();
    }

    Optional<StoredBooking> find(DbExecute db, UUID id) {
        return db.createGet("SELECT " + SELECT_COLUMNS + " FROM booking WHERE id = :id").addParam("id", id)
                .execute().map(BookingRepository::read);
    }

    /** Reads and locks the row, so concurrent life-cycle steps of one booking happen one after the other. */
    Optional<StoredBooking> lock(DbExecute db, UUID id) {
        return db.createGet("SELECT " + SELECT_COLUMNS + " FROM booking WHERE id = :id FOR UPDATE").addParam("id", id)
                .execute().map(BookingRepository::read);
    }

    private static List<Fee> fees(DbRow row) {
        try {
            return Json.mapper().readValue(Rows.text(row, "fees"), FEES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest odometer reading a booking of the car recorded (at a hand-over or a return); 0 if none. */
    long lastReading(DbExecute db, UUID carId) {
        return db.createGet("SELECT coalesce(max(greatest(mileage_out_km, mileage_in_km)), 0) AS km FROM booking "
                        + "WHERE car_id = :car").addParam("car", carId)
                .execute().map(row -> Rows.longValue(row, "km")).orElse(0L);
    }

    private static Map<String, Object> params(StoredBooking stored) {
        Map<String, Object> params = new HashMap<>();
        COLUMNS.forEach(column -> params.put(column.name(), column.value().apply(stored)));
        return params;
    }

    static StoredBooking read(DbRow row) {
        Money rate = new Money(Rows.text(row, "currency"), Rows.decimal(row, "daily_rate"));
        Booking booking = new Booking(Rows.uuid(row, "id"), Rows.uuid(row, "car_id"),
                new CarSummary(Rows.text(row, "car_plate"), Rows.text(row, "car_make"), Rows.text(row, "car_model")),
                new Customer(Rows.text(row, "customer_name"), Rows.text(row, "customer_email"),
                        Rows.text(row, "customer_phone"), Rows.text(row, "customer_license")),
                new RentalWindow(Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at")),
                new Route(Rows.text(row, "pick_up_branch"), Rows.text(row, "return_branch"), Rows.text(row, "time_zone")),
                Pricing.charge(rate, Rows.intValue(row, "days"), Rows.intValue(row, "late_days"), fees(row)),
                AvailabilityCheck.valueOf(Rows.text(row, "availability_check")),
                new Progress(BookingStatus.valueOf(Rows.text(row, "status")),
                        new HandOver(Rows.instant(row, "picked_up_at"), Rows.longValue(row, "mileage_out_km")),
                        new CarReturn(Rows.instant(row, "returned_at"), Rows.longValue(row, "mileage_in_km"),
                                Rows.intValue(row, "fuel_percent")),
                        new Cancellation(Rows.instant(row, "cancelled_at"), Rows.text(row, "cancel_reason")),
                        Rows.text(row, "attention_reason")),
                Rows.instant(row, "created_at"), Rows.text(row, "created_by"));
        return new StoredBooking(booking, Rows.intValue(row, "sequence"),
                Boolean.TRUE.equals(row.column("created_by_integration").get()));
    }
}
