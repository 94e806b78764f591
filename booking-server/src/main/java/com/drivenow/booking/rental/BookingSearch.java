package com.drivenow.booking.rental;

import com.drivenow.platform.db.Rows;
import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        criteria.status().ifPresent(s -> add(where, params, "status = ?", s.name()));
        criteria.carId().ifPresent(id -> add(where, params, "car_id = ?", id));
        criteria.text().ifPresent(q -> {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add("(customer_name ILIKE ? OR customer_email ILIKE ? OR customer_license ILIKE ? OR car_plate ILIKE ?)");
            params.addAll(List.of(like, like, like, like));
        });
        criteria.to().ifPresent(to -> add(where, params, "starts_at < ?", Rows.utc(to)));
        criteria.from().ifPresent(from -> add(where, params, "ends_at > ?", Rows.utc(from)));
        if (caller.integration()) {
            add(where, params, "created_by_integration AND created_by = ?", caller.id());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = db.execute().get("SELECT count(*) AS n FROM booking" + filter, params.toArray())
                .map(row -> Rows.longValue(row, "n")).orElse(0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Booking> items = db.execute()
                .query("SELECT " + BookingRepository.SELECT_COLUMNS + " FROM booking" + filter
                        + " ORDER BY starts_at, id LIMIT ? OFFSET ?", pageParams.toArray())
                .map(row -> BookingRepository.read(row).booking())
                .toList();
        return Page.of(items, page, total);
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        where.add(condition);
        params.add(value);
    }
}
