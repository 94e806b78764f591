package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.AvailableCar;
import com.drivenow.desk.api.Branch;
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
import java.time.ZoneId;
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
    final ObjectProperty<Branch> pickUpBranch = new SimpleObjectProperty<>();
    final ObjectProperty<Branch> returnBranch = new SimpleObjectProperty<>();
    final BooleanProperty walkIn = new SimpleBooleanProperty();
    final ObservableList<AvailableCar> offers = FXCollections.observableArrayList();
    final ObjectProperty<AvailabilityCheck> check = new SimpleObjectProperty<>();
    final ObjectProperty<AvailableCar> chosen = new SimpleObjectProperty<>();
    UUID preferredCarId;
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
        pickUpBranch.set(context.session().branch());
        returnBranch.set(context.session().branch());
        // The return follows the pick-up until the agent chooses another one (a one-way rental).
        pickUpBranch.addListener((obs, old, now) -> {
            if (returnBranch.get() == null || returnBranch.get().equals(old)) {
                returnBranch.set(now);
            }
        });
        this.walkIn.set(walkIn);
    }

    public static BookingWizardModel blank(DeskContext context, boolean walkIn) {
        return new BookingWizardModel(context, context.session().times().localDate(context.clock().instant()), walkIn, null);
    }

    /** Started from the planner's empty slot: that car's branch and category, from that day. */
    public static BookingWizardModel forCar(DeskContext context, Car car, LocalDate day) {
        BookingWizardModel model = new BookingWizardModel(context, day, false, car.id());
        model.category.set(car.category());
        context.session().branches().find(car.location()).ifPresent(model.pickUpBranch::set);
        return model;
    }

    /** The pick-up in the pick-up branch's zone; a walk-in starts now. Empty when a time does not parse. */
    Optional<Instant> from() {
        return walkIn.get() ? Optional.of(context.clock().instant()) : instant(fromDate.get(), fromTime.get(), pickUpZone());
    }

    /** The return in the return branch's zone: the agent types the time on that branch's clock. */
    Optional<Instant> to() {
        return instant(toDate.get(), toTime.get(), returnZone());
    }

    ZoneId pickUpZone() {
        return pickUpBranch.get() == null ? context.session().times().zone() : pickUpBranch.get().zone();
    }

    ZoneId returnZone() {
        return returnBranch.get() == null ? pickUpZone() : returnBranch.get().zone();
    }

    boolean oneWay() {
        return pickUpBranch.get() != null && returnBranch.get() != null && !pickUpBranch.get().equals(returnBranch.get());
    }

    /** After a refusal the agent goes back to the window; the car they had chosen stays the first offer. */
    void preferChosenCar() {
        if (chosen.get() != null) {
            preferredCarId = chosen.get().car().id();
        }
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
        String back = returnBranch.get() == null ? null : returnBranch.get().code();
        return new NewBooking(chosen.get().car().id(), searchedFrom, searchedTo, customer, walkIn.get(), back);
    }

    private static Optional<Instant> instant(LocalDate date, String time, ZoneId zone) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            LocalTime at = time == null || time.isBlank() ? DEFAULT_TIME : LocalTime.parse(time.trim());
            return Optional.of(date.atTime(at).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
