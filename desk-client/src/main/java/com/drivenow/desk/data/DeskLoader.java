package com.drivenow.desk.data;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingQuery;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.Page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/** Reads the branches, the whole fleet and the bookings the desk shows (open rentals and the planner's weeks), page by page. */
public final class DeskLoader {

    static final int PAGE_SIZE = 500;

    public record Snapshot(List<Branch> branches, List<Car> cars, List<Booking> bookings) {
    }

    private final GatewayClient gateway;

    public DeskLoader(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Blocking; call off the FX thread. */
    public Snapshot load(Instant windowStart, int days) {
        List<Branch> branches = gateway.branches();
        List<Car> cars = all(page -> gateway.cars(page, PAGE_SIZE));
        Map<UUID, Booking> bookings = new LinkedHashMap<>();
        Instant windowEnd = windowStart.plus(days, ChronoUnit.DAYS);
        all(page -> gateway.bookings(BookingQuery.window(windowStart, windowEnd), page, PAGE_SIZE))
                .forEach(b -> bookings.put(b.id(), b));
        // Cars still out from before the window are overdue returns the counter must see.
        all(page -> gateway.bookings(BookingQuery.status(BookingStatus.ACTIVE), page, PAGE_SIZE))
                .forEach(b -> bookings.put(b.id(), b));
        return new Snapshot(branches, cars, new ArrayList<>(bookings.values()));
    }

    private static <T> List<T> all(IntFunction<Page<T>> fetch) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> next = fetch.apply(page);
            items.addAll(next.items());
            if (next.isLast()) {
                return items;
            }
        }
    }
}
