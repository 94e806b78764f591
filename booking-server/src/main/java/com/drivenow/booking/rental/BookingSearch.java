package com.drivenow.booking.rental;

import com.drivenow.platform.db.Listing;
import com.drivenow.platform.db.Rows;
import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbClient;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists bookings by status, car, free text (customer name, e-mail, licence, plate) and window
 * overlap, in a stable order (start, then id) with the total count.
 */
public final class BookingSearch {

    private final DbClient db;

    public BookingSearch(DbClient db) {
        this.db = db;
    }

    public record Criteria(Optional<BookingStatus> status, Optional<UUID> carId, Optional<String> text,
                           Optional<Instant> from, Optional<Instant> to) {
    }

    public Page<Booking> find(Criteria criteria, Caller caller, PageRequest page) {
        Listing listing = new Listing("booking");
        criteria.status().ifPresent(s -> listing.where("status = ?", s.name()));
        criteria.carId().ifPresent(id -> listing.where("car_id = ?", id));
        criteria.text().map(Listing::containing).ifPresent(like -> listing.where(
                "(customer_name ILIKE ? OR customer_email ILIKE ? OR customer_license ILIKE ? OR car_plate ILIKE ?)",
                like, like, like, like));
        criteria.to().ifPresent(to -> listing.where("starts_at < ?", Rows.utc(to)));
        criteria.from().ifPresent(from -> listing.where("ends_at > ?", Rows.utc(from)));
        if (caller.integration()) {
            listing.where("created_by_integration AND created_by = ?", caller.id());
        }
        return listing.page(db.execute(), BookingRepository.SELECT_COLUMNS, "starts_at, id", page,
                row -> BookingRepository.read(row).booking());
    }
}
