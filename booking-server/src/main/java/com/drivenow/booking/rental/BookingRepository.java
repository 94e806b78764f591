package com.drivenow.booking.rental;

import com.drivenow.platform.db.Rows;
import com.drivenow.booking.inventory.AvailabilityCheck;
import com.drivenow.booking.pricing.Money;
import com.drivenow.booking.pricing.Pricing;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.Optional;
import java.util.UUID;

/** The {@code booking} table: one row per booking, written only inside the life-cycle transactions. */
final class BookingRepository {

    static final String COLUMNS = "id, car_id, car_plate, car_make, car_model, customer_name, customer_email, "
            + "customer_phone, customer_license, starts_at, ends_at, status, daily_rate, currency, days, late_days, "
            + "availability_check, mileage_out_km, mileage_in_km, fuel_percent, cancel_reason, attention_reason, "
            + "sequence, created_at, picked_up_at, returned_at, cancelled_at, created_by, created_by_integration";

    void insert(DbExecute db, StoredBooking stored) {
        Booking b = stored.booking();
        db.insert("INSERT INTO booking (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                b.id(), b.carId(), b.car().plate(), b.car().make(), b.car().model(), b.customer().name(),
                b.customer().email(), b.customer().phone(), b.customer().licenseNumber(), Rows.utc(b.from()),
                Rows.utc(b.to()), b.status().name(), b.priceBreakdown().dailyRate().amount(),
                b.priceBreakdown().dailyRate().currency(), b.priceBreakdown().days(), b.priceBreakdown().lateDays(),
                b.availabilityCheck().name(), b.mileageOutKm(), b.mileageInKm(), b.fuelPercent(), b.cancelReason(),
                b.attentionReason(), stored.sequence(), Rows.utc(b.createdAt()), Rows.utc(b.pickedUpAt()),
                Rows.utc(b.returnedAt()), Rows.utc(b.cancelledAt()), b.createdBy(), stored.createdByIntegration());
    }

    /** Writes every field a life-cycle step may change, and the new sequence. */
    void update(DbExecute db, StoredBooking stored) {
        Booking b = stored.booking();
        db.update("UPDATE booking SET status = ?, late_days = ?, mileage_out_km = ?, mileage_in_km = ?, "
                        + "fuel_percent = ?, cancel_reason = ?, attention_reason = ?, sequence = ?, picked_up_at = ?, "
                        + "returned_at = ?, cancelled_at = ? WHERE id = ?",
                b.status().name(), b.priceBreakdown().lateDays(), b.mileageOutKm(), b.mileageInKm(), b.fuelPercent(),
                b.cancelReason(), b.attentionReason(), stored.sequence(), Rows.utc(b.pickedUpAt()),
                Rows.utc(b.returnedAt()), Rows.utc(b.cancelledAt()), b.id());
    }

    Optional<StoredBooking> find(DbExecute db, UUID id) {
        return db.get("SELECT " + COLUMNS + " FROM booking WHERE id = ?", id).map(BookingRepository::read);
    }

    /** Reads and locks the row, so concurrent life-cycle steps of one booking happen one after the other. */
    Optional<StoredBooking> lock(DbExecute db, UUID id) {
        return db.get("SELECT " + COLUMNS + " FROM booking WHERE id = ? FOR UPDATE", id).map(BookingRepository::read);
    }

    static StoredBooking read(DbRow row) {
        Money rate = new Money(Rows.text(row, "currency"), Rows.decimal(row, "daily_rate"));
        Pricing.Quote price = Pricing.charge(rate, Rows.intValue(row, "days"), Rows.intValue(row, "late_days"));
        Booking booking = new Booking(Rows.uuid(row, "id"), Rows.uuid(row, "car_id"),
                new CarSummary(Rows.text(row, "car_plate"), Rows.text(row, "car_make"), Rows.text(row, "car_model")),
                new Customer(Rows.text(row, "customer_name"), Rows.text(row, "customer_email"),
                        Rows.text(row, "customer_phone"), Rows.text(row, "customer_license")),
                Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"),
                BookingStatus.valueOf(Rows.text(row, "status")), price.total(), price.breakdown(),
                AvailabilityCheck.valueOf(Rows.text(row, "availability_check")),
                Rows.longValue(row, "mileage_out_km"), Rows.longValue(row, "mileage_in_km"),
                Rows.intValue(row, "fuel_percent"), Rows.instant(row, "created_at"),
                Rows.instant(row, "picked_up_at"), Rows.instant(row, "returned_at"),
                Rows.instant(row, "cancelled_at"), Rows.text(row, "cancel_reason"),
                Rows.text(row, "attention_reason"), Rows.text(row, "created_by"));
        return new StoredBooking(booking, Rows.intValue(row, "sequence"),
                Boolean.TRUE.equals(row.column("created_by_integration").get()));
    }
}
