package com.drivenow.desk.fleet;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarDraft;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BranchPicker;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.Notice;
import com.drivenow.desk.ui.Words;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Adds a car or edits one (fleet managers); an edit sends the version it started from. */
public final class CarEditor extends Dialog<Car> {

    private final DeskContext context;
    private final Car original;
    private final BusyState busy = new BusyState();
    private final Notice notice = new Notice();
    private final TextField plate = Forms.field("car-plate", "B-DN 1234");
    private final TextField make = Forms.field("car-make", "Volkswagen");
    private final TextField model = Forms.field("car-model", "Golf");
    private final TextField year = Forms.field("car-year", "2024");
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField seats = Forms.field("car-seats", "5");
    private final ComboBox<String> transmission = new ComboBox<>();
    private final ComboBox<String> fuel = new ComboBox<>();
    private final TextField rate = Forms.field("car-rate", "49.00");
    private final TextField currency = Forms.field("car-currency", "EUR");
    private final BranchPicker location;
    private final TextField mileage = Forms.field("car-mileage", "0");

    /** {@code original} null adds a new car. */
    public CarEditor(DeskContext context, Car original) {
        this.context = context;
        this.original = original;
        setTitle(original == null ? "Add car" : "Edit " + original.plate());
        getDialogPane().setHeaderText(original == null ? "Add a car to the fleet" : "Edit " + original.plate() + " · " + original.makeAndModel());
        initOwner(context.owner().get());
        location = new BranchPicker("car-location", context.session().branches().all());
        category.getItems().setAll(Categories.ALL);
        transmission.getItems().setAll(List.of("MANUAL", "AUTOMATIC"));
        fuel.getItems().setAll(List.of("PETROL", "DIESEL", "HYBRID", "ELECTRIC"));
        List.of(category, transmission, fuel).forEach(box -> {
            box.setMaxWidth(Double.MAX_VALUE);
            box.setConverter(Words.converter(""));
        });
        fill(original);

        GridPane grid = Forms.grid();
        Forms.row(grid, "_Plate", plate);
        Forms.row(grid, "_Make", make);
        Forms.row(grid, "M_odel", model);
        Forms.row(grid, "_Year", year);
        Forms.row(grid, "_Category", category);
        Forms.row(grid, "_Seats", seats);
        Forms.row(grid, "_Gearbox", transmission);
        Forms.row(grid, "_Fuel", fuel);
        Forms.row(grid, "Daily _rate", rate);
        Forms.row(grid, "C_urrency", currency);
        Forms.row(grid, "_Branch", location);
        Forms.row(grid, "Mileage (_km)", mileage);
        VBox content = new VBox(12, grid, notice);
        content.setPrefWidth(460);
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType(original == null ? "Add car" : "Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("car-save");
        saveButton.disableProperty().bind(busy.busyProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save();
        });
        setResultConverter(button -> null);
        Platform.runLater(plate::requestFocus);
    }

    private void fill(Car car) {
        if (car == null) {
            category.setValue("COMPACT");
            transmission.setValue("MANUAL");
            fuel.setValue("PETROL");
            location.select(context.session().branch().code());
            return;
        }
        plate.setText(car.plate());
        make.setText(car.make());
        model.setText(car.model());
        year.setText(String.valueOf(car.year()));
        category.setValue(car.category());
        seats.setText(String.valueOf(car.seats()));
        transmission.setValue(car.transmission());
        fuel.setValue(car.fuelType());
        rate.setText(car.dailyRate().amount().toPlainString());
        currency.setText(car.dailyRate().currency());
        if (!location.select(car.location())) {
            notice.error("This car stands at " + car.location() + ", which the gateway does not list as a branch. "
                    + "Choose the branch where it stands.");
        }
        mileage.setText(String.valueOf(car.mileageKm()));
    }

    private void save() {
        Optional<CarDraft> draft = draft();
        if (draft.isEmpty()) {
            return;
        }
        notice.clear();
        Async.run(busy, () -> original == null
                ? context.gateway().addCar(draft.get())
                : context.gateway().updateCar(original.id(), original.version(), draft.get()), car -> {
            context.fleet().upsert(car);
            setResult(car);
            close();
        }, notice::error);
    }

    private Optional<CarDraft> draft() {
        Integer yearValue = Forms.wholeNumber(year);
        Integer seatsValue = Forms.wholeNumber(seats);
        Integer km = Forms.wholeNumber(mileage);
        BigDecimal amount;
        try {
            amount = new BigDecimal(rate.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (plate.getText().isBlank() || make.getText().isBlank() || model.getText().isBlank() || location.getValue() == null) {
            notice.error("Plate, make, model and branch are required.");
            return Optional.empty();
        }
        if (yearValue == null || seatsValue == null || km == null || amount == null || amount.signum() <= 0) {
            notice.error("Year, seats and mileage are whole numbers; the daily rate is an amount like 49.90.");
            return Optional.empty();
        }
        return Optional.of(new CarDraft(plate.getText().strip(), make.getText().strip(), model.getText().strip(),
                yearValue, category.getValue(), seatsValue, transmission.getValue(), fuel.getValue(),
                new Money(currency.getText().strip().toUpperCase(), amount), location.getValue().code(), km));
    }
}
