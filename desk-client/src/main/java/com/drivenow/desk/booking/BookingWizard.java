package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.Availability;
import com.drivenow.desk.api.AvailableCar;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.NewBooking;
import com.drivenow.desk.fleet.Categories;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.Notice;
import com.drivenow.desk.ui.Words;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.Dialog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * New booking for a walk-in or a phone call: window and category, then a free car with its quote, then
 * the customer, then confirm. A walk-in is handed over in the same flow with the mileage out.
 */
public final class BookingWizard extends Dialog<Booking> {

    private enum Step { WINDOW, CAR, CUSTOMER, CONFIRM, DONE }

    private final DeskContext context;
    private final BookingWizardModel model;
    private final BusyState busy = new BusyState();
    private final Notice notice = new Notice();
    private final Label stepTitle = new Label();
    private final VBox page = new VBox(12);
    private final ButtonType backType = new ButtonType("Back", ButtonBar.ButtonData.BACK_PREVIOUS);
    private final ButtonType nextType = new ButtonType("Next", ButtonBar.ButtonData.NEXT_FORWARD);

    private final DatePicker fromDate = new DatePicker();
    private final TextField fromTime = Forms.field("from-time", "10:00");
    private final DatePicker toDate = new DatePicker();
    private final TextField toTime = Forms.field("to-time", "10:00");
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField location = Forms.field("location", "branch code");
    private final CheckBox walkIn = new CheckBox("_Walk-in: starts now, hand the car over at once");
    private final TableView<AvailableCar> offers = new TableView<>();
    private final TextField name = Forms.field("customer-name", "first and last name");
    private final TextField email = Forms.field("customer-email", "name@example.com");
    private final TextField phone = Forms.field("customer-phone", "+49 …");
    private final TextField licence = Forms.field("customer-licence", "driving licence number");
    private Step step = Step.WINDOW;

    public BookingWizard(DeskContext context, BookingWizardModel model) {
        this.context = context;
        this.model = model;
        setTitle(model.walkIn.get() ? "Walk-in" : "New booking");
        getDialogPane().setHeaderText(model.walkIn.get() ? "Walk-in: the customer drives off now" : "New booking");
        initOwner(context.owner().get());
        bindWindowFields();
        buildOffersTable();

        getDialogPane().getButtonTypes().addAll(backType, nextType, new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().getStyleClass().add("booking-wizard");
        Button next = (Button) getDialogPane().lookupButton(nextType);
        next.setId("wizard-next");
        next.disableProperty().bind(busy.busyProperty());
        next.addEventFilter(ActionEvent.ACTION, e -> {
            if (step != Step.DONE) {
                e.consume();
                forward();
            }
        });
        Button back = (Button) getDialogPane().lookupButton(backType);
        back.setId("wizard-back");
        back.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            backward();
        });

        notice.setId("wizard-notice");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(busy.showProgressProperty());
        stepTitle.getStyleClass().add("title-3");
        VBox content = new VBox(14, stepTitle, page, new HBox(8, progress, notice));
        content.setPrefSize(700, 460);
        getDialogPane().setContent(content);
        setResultConverter(button -> null);
        show(Step.WINDOW);
    }

    private void bindWindowFields() {
        fromDate.setId("from-date");
        toDate.setId("to-date");
        fromDate.valueProperty().bindBidirectional(model.fromDate);
        toDate.valueProperty().bindBidirectional(model.toDate);
        fromTime.textProperty().bindBidirectional(model.fromTime);
        toTime.textProperty().bindBidirectional(model.toTime);
        location.textProperty().bindBidirectional(model.location);
        walkIn.setId("walk-in");
        walkIn.selectedProperty().bindBidirectional(model.walkIn);
        fromDate.disableProperty().bind(model.walkIn);
        fromTime.disableProperty().bind(model.walkIn);
        category.setId("category");
        category.getItems().add(null);
        category.getItems().addAll(Categories.ALL);
        category.setPromptText("Any category");
        category.setConverter(Words.converter("Any category"));
        category.valueProperty().bindBidirectional(model.category);
        category.setMaxWidth(Double.MAX_VALUE);
    }

    private void buildOffersTable() {
        offers.setId("offers");
        offers.setItems(model.offers);
        offers.setPlaceholder(new Label("No car is free for this window. Try another category or window."));
        offers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<AvailableCar, String> quote = column("Quote", 85, o -> context.session().money().format(o.quote()));
        quote.getStyleClass().add("numeric");
        offers.getColumns().addAll(List.of(
                column("Plate", 85, o -> o.car().plate()),
                column("Car", 150, o -> o.car().makeAndModel()),
                column("Category", 85, o -> Words.of(o.car().category())),
                column("Seats", 55, o -> String.valueOf(o.car().seats())),
                column("Gearbox", 80, o -> Words.of(o.car().transmission())),
                quote));
        model.chosen.bind(offers.getSelectionModel().selectedItemProperty());
        offers.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                forward();
            }
        });
        offers.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                forward();
            }
        });
    }

    private static TableColumn<AvailableCar, String> column(String header, double width, Function<AvailableCar, String> text) {
        TableColumn<AvailableCar, String> column = new TableColumn<>(header);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.9);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        return column;
    }

    private void forward() {
        notice.clear();
        switch (step) {
            case WINDOW -> findCars();
            case CAR -> {
                if (model.chosen.get() == null) {
                    notice.error("Choose a car from the list (arrow keys, then Enter).");
                } else {
                    show(Step.CUSTOMER);
                }
            }
            case CUSTOMER -> customer().ifPresent(c -> show(Step.CONFIRM));
            case CONFIRM -> confirm();
            case DONE -> close();
        }
    }

    private void backward() {
        notice.clear();
        switch (step) {
            case CAR -> show(Step.WINDOW);
            case CUSTOMER -> show(Step.CAR);
            case CONFIRM -> show(Step.CUSTOMER);
            default -> { }
        }
    }

    private void findCars() {
        Optional<Instant> from = model.from();
        Optional<Instant> to = model.to();
        if (from.isEmpty() || to.isEmpty()) {
            notice.error("Pick both dates and give times as hh:mm, for example 09:30.");
            return;
        }
        if (!to.get().isAfter(from.get())) {
            notice.error("The return must come after the pick-up.");
            return;
        }
        String cat = model.category.get();
        String loc = model.location.get();
        Async.run(busy, () -> context.gateway().availability(from.get(), to.get(), cat, loc), availability -> {
            model.searched(from.get(), to.get());
            showOffers(availability);
        }, notice::error);
    }

    private void showOffers(Availability availability) {
        model.offers.setAll(availability.items());
        model.check.set(availability.availabilityCheck());
        show(Step.CAR);
        model.offers.stream()
                .filter(o -> o.car().id().equals(model.preferredCarId))
                .findFirst()
                .ifPresentOrElse(offers.getSelectionModel()::select, () -> offers.getSelectionModel().selectFirst());
        if (model.preferredCarId != null && offers.getSelectionModel().getSelectedItem() != null
                && !offers.getSelectionModel().getSelectedItem().car().id().equals(model.preferredCarId)) {
            notice.info("The car you clicked is not free for this whole window; here are the others.");
        }
    }

    /** The booking server needs all four customer fields; saying so here spares the agent a round trip. */
    private Optional<Customer> customer() {
        Optional<TextField> missing = Stream.of(name, licence, email, phone).filter(f -> f.getText().isBlank()).findFirst();
        if (missing.isPresent()) {
            notice.error("Name, driving licence, e-mail and phone are all needed to book.");
            missing.get().requestFocus();
            return Optional.empty();
        }
        return Optional.of(new Customer(name.getText().strip(), email.getText().strip(), phone.getText().strip(),
                licence.getText().strip()));
    }

    private void confirm() {
        Optional<Customer> customer = customer();
        if (customer.isEmpty()) {
            return;
        }
        NewBooking booking = model.newBooking(customer.get());
        var key = model.idempotencyKeyFor(booking);
        Async.run(busy, () -> context.gateway().book(booking, key), this::booked, notice::error);
    }

    private void booked(Booking booking) {
        context.bookings().upsert(booking);
        setResultConverter(button -> booking);
        show(Step.DONE);
        page.getChildren().setAll(new BookingSummary(booking, context.session()));
        notice.success(booking.status() == com.drivenow.desk.api.BookingStatus.ACTIVE
                ? "Booked and handed over. Keys to the customer."
                : "Booked. The customer can pick up from " + context.session().times().dateTime(booking.from()) + ".");
    }

    private void show(Step next) {
        step = next;
        getDialogPane().lookupButton(backType).setDisable(next == Step.WINDOW || next == Step.DONE);
        Button nextButton = (Button) getDialogPane().lookupButton(nextType);
        switch (next) {
            case WINDOW -> {
                stepTitle.setText("1 · When and what");
                GridPane grid = Forms.grid();
                Forms.row(grid, "_From", new HBox(8, fromDate, fromTime));
                Forms.row(grid, "_Until", new HBox(8, toDate, toTime));
                Forms.row(grid, "_Category", category);
                Forms.row(grid, "_Branch", location);
                page.getChildren().setAll(walkIn, grid);
                nextButton.setText("Find cars");
                focus(model.walkIn.get() ? toDate : fromDate);
            }
            case CAR -> {
                stepTitle.setText("2 · Choose a car (" + model.offers.size() + " free)");
                page.getChildren().setAll(offers);
                if (model.check.get() == AvailabilityCheck.CACHED) {
                    page.getChildren().addFirst(new CachedCheckBanner());
                }
                nextButton.setText("Next");
                focus(offers);
            }
            case CUSTOMER -> {
                stepTitle.setText("3 · Customer");
                GridPane grid = Forms.grid();
                Forms.row(grid, "_Name", name);
                Forms.row(grid, "_Licence", licence);
                Forms.row(grid, "_E-mail", email);
                Forms.row(grid, "P_hone", phone);
                page.getChildren().setAll(grid);
                nextButton.setText("Next");
                focus(name);
            }
            case CONFIRM -> showConfirm(nextButton);
            case DONE -> {
                stepTitle.setText("Done");
                nextButton.setText("Done");
            }
        }
    }

    private void showConfirm(Button nextButton) {
        stepTitle.setText("4 · Confirm");
        AvailableCar offer = model.chosen.get();
        GridPane grid = Forms.grid();
        Forms.row(grid, "Car", new Label(offer.car().plate() + " · " + offer.car().makeAndModel()));
        Forms.row(grid, "Window", new Label((model.walkIn.get() ? "now" : context.session().times().dateTime(model.searchedFrom()))
                + "  →  " + context.session().times().dateTime(model.searchedTo())));
        Forms.row(grid, "Customer", new Label(name.getText().strip() + " · " + licence.getText().strip()));
        Label quote = new Label(context.session().money().format(offer.quote()));
        quote.getStyleClass().add("summary-price");
        Forms.row(grid, "Quote", quote);
        if (model.walkIn.get()) {
            // Handed over at the fleet's recorded mileage; the API would also take an odometer reading (mileageKm).
            Label mileage = new Label(context.session().distances().km(offer.car().mileageKm()) + " (as recorded by the fleet)");
            mileage.setId("wizard-mileage-out");
            Forms.row(grid, "Mileage out", mileage);
        }
        focus(nextButton);
        page.getChildren().setAll(grid);
        nextButton.setText(model.walkIn.get() ? "Book and hand over" : "Confirm booking");
    }

    private static void focus(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
