package com.drivenow.desk.fleet;

import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.Locale;
import java.util.function.Predicate;

/** The board's filters over the fleet store; filtering is local, so it keeps up with typing on 5,000 cars. */
public final class FleetBoardModel {

    final ObjectProperty<CarStatus> status = new SimpleObjectProperty<>();
    final ObjectProperty<String> category = new SimpleObjectProperty<>();
    final ObjectProperty<String> branch = new SimpleObjectProperty<>();
    final StringProperty text = new SimpleStringProperty("");
    private final FilteredList<Car> shown;
    private final SortedList<Car> sorted;

    public FleetBoardModel(ObservableList<Car> cars) {
        shown = new FilteredList<>(cars);
        sorted = new SortedList<>(shown);
        status.addListener(o -> refilter());
        category.addListener(o -> refilter());
        branch.addListener(o -> refilter());
        text.addListener(o -> refilter());
    }

    public SortedList<Car> shown() {
        return sorted;
    }

    public ObjectProperty<CarStatus> statusFilter() {
        return status;
    }

    public StringProperty textFilter() {
        return text;
    }

    private void refilter() {
        shown.setPredicate(matches(status.get(), category.get(), branch.get(), text.get()));
    }

    static Predicate<Car> matches(CarStatus status, String category, String branch, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return car -> (status == null || car.status() == status)
                && (category == null || category.equals(car.category()))
                && (branch == null || branch.equals(car.location()))
                && (needle.isEmpty() || contains(car.plate(), needle) || contains(car.make(), needle)
                    || contains(car.model(), needle));
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle);
    }
}
