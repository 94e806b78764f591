package com.drivenow.desk.booking;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.ui.StatusBadge;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/** A list of bookings on the counter: Enter or a double click opens the booking's flow. */
public final class BookingTable extends TableView<Booking> {

    /** {@code time} picks the instant and the zone it is shown in (a booking's pick-up or return branch's). */
    public BookingTable(String id, String timeHeader, BookingTime time, Session session, Clock clock,
                        ObservableList<Booking> items, String emptyText, Consumer<Booking> open) {
        super(items);
        setId(id);
        getStyleClass().add("booking-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label(emptyText));

        getColumns().add(column(timeHeader, b -> time.shown(b, session, clock.instant()), 95));
        getColumns().add(column("Customer", b -> b.customer().name(), 150));
        getColumns().add(column("Car", b -> b.car().plate() + "  " + b.car().make() + " " + b.car().model(), 230));
        TableColumn<Booking, BookingStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new BadgeCell());
        status.setPrefWidth(110);
        status.setMinWidth(110); // the widest badge, "Needs attention", stays whole
        getColumns().add(status);
        TableColumn<Booking, String> price = column("Price", b -> session.money().format(b.price()), 90);
        price.getStyleClass().add("numeric");
        getColumns().add(price);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
    }

    private static TableColumn<Booking, String> column(String header, Function<Booking, String> text, double width) {
        TableColumn<Booking, String> column = new TableColumn<>(header);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static final class BadgeCell extends TableCell<Booking, BookingStatus> {
        private final StatusBadge badge = new StatusBadge();

        @Override
        protected void updateItem(BookingStatus status, boolean empty) {
            super.updateItem(status, empty);
            badge.show(status);
            setGraphic(empty || status == null ? null : badge);
        }
    }
}
