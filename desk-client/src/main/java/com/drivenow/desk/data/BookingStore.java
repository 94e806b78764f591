package com.drivenow.desk.data;

import com.drivenow.desk.api.Booking;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The bookings the counter and the planner show, kept current by loads and live events. FX thread only. */
public final class BookingStore {

    private final ObservableList<Booking> bookings = FXCollections.observableArrayList();
    private final Map<UUID, Integer> indexById = new HashMap<>();

    public ObservableList<Booking> bookings() {
        return bookings;
    }

    /** One change for the whole load: listeners (the planner re-indexes on each) run once, not once a booking. */
    public void replaceAll(Collection<Booking> loaded) {
        Map<UUID, Booking> latest = new LinkedHashMap<>();
        loaded.forEach(b -> latest.put(b.id(), b));
        indexById.clear();
        int i = 0;
        for (UUID id : latest.keySet()) {
            indexById.put(id, i++);
        }
        bookings.setAll(latest.values());
    }

    public void upsert(Booking booking) {
        Integer index = indexById.get(booking.id());
        if (index == null) {
            indexById.put(booking.id(), bookings.size());
            bookings.add(booking);
        } else {
            bookings.set(index, booking);
        }
    }
}
