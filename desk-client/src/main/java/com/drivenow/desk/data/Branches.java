package com.drivenow.desk.data;

import com.drivenow.desk.api.Branch;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The branches the gateway listed at sign-in, refreshed on every reload (F5) and when the live stream
 * reconnects (the stream does not carry branch changes). FX thread only.
 */
public final class Branches {

    private final ObservableList<Branch> all = FXCollections.observableArrayList();

    /** Sorted by name, as the pickers show them. */
    public ObservableList<Branch> all() {
        return all;
    }

    public void replaceAll(Collection<Branch> fetched) {
        all.setAll(fetched.stream().sorted(Comparator.comparing(Branch::label)).toList());
    }

    public Optional<Branch> find(String code) {
        return code == null ? Optional.empty() : all.stream().filter(b -> b.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The zone of the branch {@code code}, or {@code otherwise} for a code the gateway did not list. */
    public ZoneId zoneOf(String code, ZoneId otherwise) {
        return find(code).map(Branch::zone).orElse(otherwise);
    }
}
