package com.drivenow.desk.fleet;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.DeskScreen;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.Notice;
import com.drivenow.desk.ui.StatusBadge;
import com.drivenow.desk.ui.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Every car with its status colour, filters and a text search. Fleet managers also add, edit, switch
 * maintenance and retire; for agents those actions do not exist on screen at all.
 */
public final class FleetBoard extends VBox implements DeskScreen {

    private final DeskContext context;
    private final FleetBoardModel model;
    private final TableView<Car> table = new TableView<>();
    private final TextField search = new TextField();
    private final Notice notice = new Notice();
    private final BusyState busy = new BusyState();
    private final SortKeys<Car> sortKeys = new SortKeys<>();
    private final boolean manager;

    public FleetBoard(DeskContext context) {
        super(12);
        this.context = context;
        this.manager = context.session().user().isFleetManager();
        this.model = new FleetBoardModel(context.fleet().cars());
        setId("fleet-board");
        getStyleClass().add("screen");

        search.setId("fleet-search");
        search.setPromptText("Plate, make or model  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.text);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<CarStatus> status = filter("status-filter", "Any status", FXCollections.observableArrayList(CarStatus.values()));
        status.valueProperty().bindBidirectional(model.status);
        ComboBox<String> category = filter("category-filter", "Any category", FXCollections.observableArrayList(Categories.ALL));
        category.valueProperty().bindBidirectional(model.category);
        ComboBox<String> branch = filter("branch-filter", "Any branch", FXCollections.observableArrayList());
        branch.valueProperty().bindBidirectional(model.branch);
        keepBranchesCurrent(branch.getItems());
        Label count = new Label();
        count.setId("fleet-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> model.shown().size() + " of " + context.fleet().cars().size() + " cars", model.shown(), context.fleet().cars()));
        HBox filters = new HBox(10, search, status, category, branch, count);
        filters.getStyleClass().add("toolbar");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(filters);
        if (manager) {
            getChildren().add(managerActions());
        }
        getChildren().addAll(notice, table);
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public Map<KeyCombination, Runnable> shortcuts() {
        if (!manager) {
            return Map.of();
        }
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::addCar);
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::editSelected);
        keys.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), this::toggleMaintenance);
        keys.put(new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN), this::retireSelected);
        return keys;
    }

    private void buildTable() {
        table.setId("fleet-table");
        table.setItems(model.shown());
        table.setSortPolicy(t -> {
            model.shown().setComparator(sortKeys.comparator(t.getSortOrder()));
            return true;
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No car matches these filters."));
        TableColumn<Car, String> plate = column("Plate", Car::plate);
        table.getColumns().add(sortKeys.by(plate, Car::plate));
        table.getColumns().add(sortKeys.by(column("Car", Car::makeAndModel), Car::makeAndModel));
        table.getColumns().add(sortKeys.by(column("Category", car -> Words.of(car.category())), Car::category));
        TableColumn<Car, CarStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(sortKeys.by(status, Car::status));
        table.getColumns().add(sortKeys.by(column("Branch", Car::location), Car::location));
        TableColumn<Car, Integer> mileage = new TableColumn<>("Mileage");
        mileage.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mileageKm()));
        mileage.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer km, boolean empty) {
                super.updateItem(km, empty);
                setText(empty || km == null ? null : context.session().distances().km(km));
            }
        });
        mileage.getStyleClass().add("numeric");
        table.getColumns().add(sortKeys.by(mileage, Car::mileageKm));
        TableColumn<Car, Money> rate = new TableColumn<>("Daily rate");
        rate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dailyRate()));
        rate.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Money money, boolean empty) {
                super.updateItem(money, empty);
                setText(empty ? null : context.session().money().format(money));
            }
        });
        rate.getStyleClass().add("numeric");
        table.getColumns().add(sortKeys.by(rate, car -> car.dailyRate().amount()));
        table.getSortOrder().add(plate);
        table.setRowFactory(t -> new TableRow<>() {
            private PseudoClass status;

            @Override
            protected void updateItem(Car car, boolean empty) {
                super.updateItem(car, empty);
                status = StatusBadge.mark(this, status, empty || car == null ? null : car.status());
            }
        });
        if (manager) {
            table.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    editSelected();
                }
            });
        }
    }

    private HBox managerActions() {
        Button add = action("add-car", "Add car  Ctrl+Shift+A", this::addCar);
        add.getStyleClass().add("accent");
        Button edit = action("edit-car", "Edit  Ctrl+E", this::editSelected);
        Button maintenance = action("toggle-maintenance", "Maintenance on/off  Ctrl+M", this::toggleMaintenance);
        Button retire = action("retire-car", "Retire  Ctrl+Del", this::retireSelected);
        retire.getStyleClass().add("danger");
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(noSelection);
        maintenance.disableProperty().bind(noSelection.or(busy.busyProperty()));
        retire.disableProperty().bind(noSelection.or(busy.busyProperty()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(busy.showProgressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, add, edit, maintenance, retire, spacer, progress);
        bar.setId("manager-actions");
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private void addCar() {
        new CarEditor(context, null).showAndWait().ifPresent(this::select);
    }

    private void editSelected() {
        Car car = table.getSelectionModel().getSelectedItem();
        if (car != null) {
            new CarEditor(context, car).showAndWait().ifPresent(this::select);
        }
    }

    private void toggleMaintenance() {
        Car car = table.getSelectionModel().getSelectedItem();
        if (car != null) {
            change(car.status() == CarStatus.MAINTENANCE
                    ? () -> context.gateway().endMaintenance(car.id())
                    : () -> context.gateway().startMaintenance(car.id()));
        }
    }

    private void retireSelected() {
        Car car = table.getSelectionModel().getSelectedItem();
        if (car != null) {
            change(() -> context.gateway().retire(car.id()));
        }
    }

    private void change(Callable<Car> call) {
        notice.clear();
        Async.run(busy, call, car -> {
            context.fleet().upsert(car);
            select(car);
        }, notice::error);
    }

    private void select(Car car) {
        model.shown().stream().filter(c -> c.id().equals(car.id())).findFirst().ifPresent(c -> {
            table.getSelectionModel().select(c);
            table.scrollTo(c);
        });
    }

    private void keepBranchesCurrent(ObservableList<String> items) {
        ListChangeListener<Car> update = change -> {
            TreeSet<String> codes = new TreeSet<>();
            context.fleet().cars().forEach(c -> codes.add(c.location()));
            List<String> known = items.stream().filter(Objects::nonNull).toList();
            if (!known.equals(List.copyOf(codes))) {
                // Replacing the items moves the combo's selection; keep the agent's choice.
                String chosen = model.branch.get();
                items.setAll(codes);
                items.addFirst(null);
                model.branch.set(chosen);
            }
        };
        context.fleet().cars().addListener(update);
        update.onChanged(null);
    }

    private static <T> ComboBox<T> filter(String id, String any, ObservableList<T> values) {
        ComboBox<T> box = new ComboBox<>(values);
        box.setId(id);
        box.setPromptText(any);
        values.addFirst(null);
        box.setButtonCell(new FilterCell<>(any));
        box.setCellFactory(list -> new FilterCell<>(any));
        return box;
    }

    private static Button action(String id, String text, Runnable run) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> run.run());
        return button;
    }

    private static TableColumn<Car, String> column(String header, Function<Car, String> text) {
        TableColumn<Car, String> column = new TableColumn<>(header);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        return column;
    }

    private static final class StatusCell extends TableCell<Car, CarStatus> {
        private final StatusBadge badge = new StatusBadge();

        @Override
        protected void updateItem(CarStatus status, boolean empty) {
            super.updateItem(status, empty);
            badge.show(status);
            setGraphic(empty || status == null ? null : badge);
        }
    }

    /** Shows the "any" choice (null) by name and the codes in words in the filter boxes. */
    private static final class FilterCell<T> extends ListCell<T> {
        private final String any;

        FilterCell(String any) {
            this.any = any;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? any : Words.of(item.toString()));
        }
    }
}
