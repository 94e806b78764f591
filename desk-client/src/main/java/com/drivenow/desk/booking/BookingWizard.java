package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.Availability;
import com.drivenow.desk.api.AvailableCar;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.ProblemException;
import com.drivenow.desk.format.TimeFormat;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.NewBooking;
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
import java.time.ZoneId;
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

    private final WindowStep window;
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
        window = new WindowStep(context, model);
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
        content.setPrefSize(720, 540);
        getDialogPane().setContent(content);
        setResultConverter(button -> null);
        show(Step.WINDOW);
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
        window.clearProblems();
        String cat = model.category.get();
        String loc = model.pickUpBranch.get() == null ? null : model.pickUpBranch.get().code();
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
        Async.run(busy, () -> context.gateway().book(booking, key), this::booked, this::refused);
    }

    /** A refused time or branch goes back to the first step, the server's words under the field. */
    private void refused(Exception failure) {
        if (failure instanceof ProblemException problem && problem.status() == 400 && window.showProblems(problem.fieldErrors())) {
            model.preferChosenCar();
            show(Step.WINDOW);
            notice.error("The booking was not made: correct what is marked, then find cars again.");
            return;
        }
        notice.error(failure);
    }

    private void booked(Booking booking) {
        context.bookings().upsert(booking);
        setResultConverter(button -> booking);
        show(Step.DONE);
        page.getChildren().setAll(new BookingSummary(booking, context.session()));
        notice.success(booking.status() == com.drivenow.desk.api.BookingStatus.ACTIVE
                ? "Booked and handed over. Keys to the customer."
                : "Booked. The customer can pick up from " + BookingTime.PICK_UP.zoned(booking, context.session())
                + (booking.oneWay() ? " and returns the car to " + booking.returnBranch() : "") + ".");
    }

    private void show(Step next) {
        step = next;
        getDialogPane().lookupButton(backType).setDisable(next == Step.WINDOW || next == Step.DONE);
        Button nextButton = (Button) getDialogPane().lookupButton(nextType);
        switch (next) {
            case WINDOW -> {
                stepTitle.setText("1 · When, what and where");
                page.getChildren().setAll(window.content());
                nextButton.setText("Find cars");
                focus(window.firstField());
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
        Forms.row(grid, "Pick-up", confirmed("confirm-from", model.pickUpBranch.get(),
                model.walkIn.get() ? "now" : times(model.pickUpZone()).zoned(model.searchedFrom())));
        Forms.row(grid, "Return", confirmed("confirm-to", model.returnBranch.get(),
                times(model.returnZone()).zoned(model.searchedTo())));
        Forms.row(grid, "Customer", new Label(name.getText().strip() + " · " + licence.getText().strip()));
        Label quote = new Label(context.session().money().format(offer.quote()));
        quote.setId("wizard-quote");
        quote.getStyleClass().add("summary-price");
        Forms.row(grid, model.oneWay() ? "Quote (days)" : "Quote", quote);
        if (model.oneWay()) {
            Label fee = new Label("added by the booking server; the booked price shows it as a line");
            fee.setId("wizard-one-way");
            fee.getStyleClass().add("text-muted");
            Forms.row(grid, "One-way fee", fee);
        }
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

    private TimeFormat times(ZoneId zone) {
        return context.session().times().in(zone);
    }

    private static Label confirmed(String id, Branch branch, String time) {
        Label label = new Label((branch == null ? "" : branch.label() + " · ") + time);
        label.setId(id);
        return label;
    }

    private static void focus(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
