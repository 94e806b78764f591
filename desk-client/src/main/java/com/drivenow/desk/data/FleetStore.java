package com.drivenow.desk.data;

import com.drivenow.desk.api.Car;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every car the desk knows, kept current by loads and live events. FX thread only. */
public final class FleetStore {

    private final ObservableList<Car> cars = FXCollections.observableArrayList();
    private final Map<UUID, Integer> indexById = new HashMap<>();

    public ObservableList<Car> cars() {
        return cars;
    }

    public Optional<Car> byId(UUID id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(cars.get(index));
    }

    public void replaceAll(Collection<Car> loaded) {
        indexById.clear();
        int i = 0;
        for (Car car : loaded) {
            indexById.put(car.id(), i++);
        }
        cars.setAll(loaded);
    }

    /** Applies a newer copy of a car; an older version (a late event) is ignored. */
    public void upsert(Car car) {
        Integer index = indexById.get(car.id());
        if (index == null) {
            indexById.put(car.id(), cars.size());
            cars.add(car);
        } else if (car.version() >= cars.get(index).version()) {
            cars.set(index, car);
        }
    }
}
