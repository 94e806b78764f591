package com.drivenow.desk.data;

import com.drivenow.desk.api.Booking;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The bookings the counter and the planner show, kept current by loads and live events. FX thread only. */
public final class BookingStore {

    private final ObservableList<Booking> bookings = FXCollections.observableArrayList();
    private final Map<UUID, Integer> indexById = new HashMap<>();

    public ObservableList<Booking> bookings() {
        return bookings;
    }

    public void replaceAll(Collection<Booking> loaded) {
        indexById.clear();
        bookings.clear();
        loaded.forEach(this::upsert);
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
