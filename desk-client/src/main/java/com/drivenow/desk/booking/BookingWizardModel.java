package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.AvailableCar;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.NewBooking;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** What the agent has chosen so far in the new-booking wizard. FX thread only. */
public final class BookingWizardModel {

    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

    final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    final StringProperty fromTime = new SimpleStringProperty("10:00");
    final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    final StringProperty toTime = new SimpleStringProperty("10:00");
    final ObjectProperty<String> category = new SimpleObjectProperty<>();
    final StringProperty location = new SimpleStringProperty();
    final BooleanProperty walkIn = new SimpleBooleanProperty();
    final ObservableList<AvailableCar> offers = FXCollections.observableArrayList();
    final ObjectProperty<AvailabilityCheck> check = new SimpleObjectProperty<>();
    final ObjectProperty<AvailableCar> chosen = new SimpleObjectProperty<>();
    final UUID preferredCarId;
    private final DeskContext context;
    private NewBooking lastAttempt;
    private UUID lastKey;
    private Instant searchedFrom;
    private Instant searchedTo;

    private BookingWizardModel(DeskContext context, LocalDate start, boolean walkIn, UUID preferredCarId) {
        this.context = context;
        this.preferredCarId = preferredCarId;
        fromDate.set(start);
        toDate.set(start.plusDays(1));
        location.set(context.session().branch().code());
        this.walkIn.set(walkIn);
    }

    public static BookingWizardModel blank(DeskContext context, boolean walkIn) {
        return new BookingWizardModel(context, context.session().times().localDate(context.clock().instant()), walkIn, null);
    }

    /** Started from the planner's empty slot: that car's branch and category, from that day. */
    public static BookingWizardModel forCar(DeskContext context, Car car, LocalDate day) {
        BookingWizardModel model = new BookingWizardModel(context, day, false, car.id());
        model.category.set(car.category());
        model.location.set(car.location());
        return model;
    }

    /** The window in the branch's zone; a walk-in starts now. Empty when a time does not parse. */
    Optional<Instant> from() {
        return walkIn.get() ? Optional.of(context.clock().instant()) : instant(fromDate.get(), fromTime.get());
    }

    Optional<Instant> to() {
        return instant(toDate.get(), toTime.get());
    }

    /** A retried confirm with the same content reuses its key, so the gateway returns the first booking. */
    UUID idempotencyKeyFor(NewBooking booking) {
        if (!booking.equals(lastAttempt)) {
            lastAttempt = booking;
            lastKey = UUID.randomUUID();
        }
        return lastKey;
    }

    /** Fixes the window the offers were found for: the quote holds for it, and a walk-in's "now" stays put. */
    void searched(Instant from, Instant to) {
        searchedFrom = from;
        searchedTo = to;
    }

    Instant searchedFrom() {
        return searchedFrom;
    }

    Instant searchedTo() {
        return searchedTo;
    }

    /** A walk-in is created and handed over in one call (pickUpNow), so it can never be left half done. */
    NewBooking newBooking(Customer customer) {
        return new NewBooking(chosen.get().car().id(), searchedFrom, searchedTo, customer, walkIn.get());
    }

    private Optional<Instant> instant(LocalDate date, String time) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            LocalTime at = time == null || time.isBlank() ? DEFAULT_TIME : LocalTime.parse(time.trim());
            return Optional.of(date.atTime(at).atZone(context.session().times().zone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
