package com.drivenow.desk.counter;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingQuery;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.Optional;

/** Today's work at the agent's branch (pick-ups from it, overdue returns to it), derived live from the booking store, plus the search results. */
public final class CounterModel {

    private final DeskContext context;
    private final FilteredList<Booking> pickUps;
    private final FilteredList<Booking> overdue;
    private final ObservableList<Booking> searchResults = FXCollections.observableArrayList();
    private final ObjectProperty<String> lastSearch = new SimpleObjectProperty<>();
    final BusyState busy = new BusyState();

    public CounterModel(DeskContext context) {
        this.context = context;
        pickUps = new FilteredList<>(context.bookings().bookings());
        overdue = new FilteredList<>(context.bookings().bookings());
        refreshClock();
    }

    public SortedList<Booking> pickUpsToday() {
        return new SortedList<>(pickUps, Comparator.comparing(Booking::from));
    }

    public SortedList<Booking> overdueReturns() {
        return new SortedList<>(overdue, Comparator.comparing(Booking::to));
    }

    public ObservableList<Booking> searchResults() {
        return searchResults;
    }

    /** Re-evaluates "today" and "overdue" against the clock; called every minute. */
    public void refreshClock() {
        Instant now = context.clock().instant();
        LocalDate today = context.session().times().localDate(now);
        Instant endOfToday = context.session().times().startOfDay(today.plusDays(1));
        pickUps.setPredicate(b -> b.status() == BookingStatus.RESERVED && b.from().isBefore(endOfToday) && here(pickUpBranch(b)));
        overdue.setPredicate(b -> b.status() == BookingStatus.ACTIVE && b.to().isBefore(now) && here(returnBranch(b)));
    }

    /** Searches by customer name, licence, e-mail or plate; the gateway does the matching. */
    public void search(String text, Consumer<Exception> onFailure) {
        String query = text.strip();
        lastSearch.set(query);
        if (query.isEmpty()) {
            searchResults.clear();
            return;
        }
        Async.run(busy, () -> context.gateway().bookings(BookingQuery.text(query), 0, 50), page -> {
            if (query.equals(lastSearch.get())) {
                searchResults.setAll(page.items());
            }
        }, onFailure);
    }

    /** A car is picked up where the booking says; an older booking without branches, where its car stands. */
    private Optional<String> pickUpBranch(Booking b) {
        return Optional.ofNullable(b.pickUpBranch()).or(() -> context.fleet().byId(b.carId()).map(Car::location));
    }

    /** An overdue car is awaited where it is to come back: a one-way rental's return branch. */
    private Optional<String> returnBranch(Booking b) {
        return Optional.ofNullable(b.returnBranch()).or(() -> pickUpBranch(b));
    }

    /** A booking whose branch is not known yet (its car not loaded) is shown rather than hidden. */
    private boolean here(Optional<String> branch) {
        return branch.map(context.session().branch().code()::equalsIgnoreCase).orElse(true);
    }
}
