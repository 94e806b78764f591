package com.drivenow.desk.planner;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.data.BookingStore;
import com.drivenow.desk.data.FleetStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Rows (the branch's cars still in service, by plate) and each car's bookings, rebuilt when the stores change. */
public final class PlannerModel {

    final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    final StringProperty text = new SimpleStringProperty("");
    private final FilteredList<Car> rows;
    private final SortedList<Car> sortedRows;
    private final ObjectProperty<Map<UUID, List<Booking>>> bookingsByCar = new SimpleObjectProperty<>(Map.of());

    private final String branch;

    /** Rows are the cars standing at {@code branch}, the signed-in one. */
    public PlannerModel(FleetStore fleet, BookingStore bookings, LocalDate today, String branch) {
        this.branch = branch;
        start.set(today);
        rows = new FilteredList<>(fleet.cars(), this::inService);
        sortedRows = new SortedList<>(rows, Comparator.comparing(Car::plate));
        text.addListener((obs, old, now) -> {
            String needle = now.strip().toLowerCase(Locale.ROOT);
            rows.setPredicate(car -> inService(car) && (needle.isEmpty()
                    || car.plate().toLowerCase(Locale.ROOT).contains(needle)
                    || car.makeAndModel().toLowerCase(Locale.ROOT).contains(needle)));
        });
        ListChangeListener<Booking> reindex = change -> bookingsByCar.set(index(bookings.bookings()));
        bookings.bookings().addListener(reindex);
        bookingsByCar.set(index(bookings.bookings()));
    }

    public SortedList<Car> rows() {
        return sortedRows;
    }

    public ObjectProperty<Map<UUID, List<Booking>>> bookingsByCar() {
        return bookingsByCar;
    }

    List<Booking> bookingsOf(Car car) {
        return bookingsByCar.get().getOrDefault(car.id(), List.of());
    }

    private boolean inService(Car car) {
        return car.status() != CarStatus.RETIRED && branch.equalsIgnoreCase(car.location());
    }

    private static Map<UUID, List<Booking>> index(List<Booking> bookings) {
        Map<UUID, List<Booking>> byCar = new HashMap<>();
        for (Booking b : bookings) {
            if (b.status() != BookingStatus.CANCELLED) {
                byCar.computeIfAbsent(b.carId(), id -> new ArrayList<>()).add(b);
            }
        }
        return byCar;
    }
}
