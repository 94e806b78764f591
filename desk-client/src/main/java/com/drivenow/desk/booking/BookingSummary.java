package com.drivenow.desk.booking;

import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.StatusBadge;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The read-only facts of a booking, at the top of every booking dialog. */
public final class BookingSummary extends VBox {

    public BookingSummary(Booking booking, Session session) {
        super(10);
        getStyleClass().add("booking-summary");
        GridPane grid = Forms.grid();
        StatusBadge status = new StatusBadge();
        status.show(booking.status());
        Forms.row(grid, "Status", status);
        Forms.row(grid, "Customer", value(booking.customer().name(), "summary-customer"));
        Forms.row(grid, "Licence", value(booking.customer().licenseNumber(), null));
        Forms.row(grid, "Contact", value(join(booking.customer().email(), booking.customer().phone()), null));
        Forms.row(grid, "Car", value(booking.car().plate() + " · " + booking.car().make() + " " + booking.car().model(), "summary-car"));
        Forms.row(grid, "Pick-up", value(session.times().dateTime(booking.from()), null));
        Forms.row(grid, "Return", value(session.times().dateTime(booking.to()), null));
        Forms.row(grid, "Price", value(session.money().format(booking.price()), "summary-price"));
        if (booking.mileageOutKm() != null) {
            Forms.row(grid, "Mileage out", value(session.distances().km(booking.mileageOutKm()), null));
        }
        getChildren().add(grid);
        if (booking.availabilityCheck() == AvailabilityCheck.CACHED) {
            getChildren().add(new CachedCheckBanner());
        }
    }

    private static Label value(String text, String id) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-value");
        label.setId(id);
        return label;
    }

    private static String join(String first, String second) {
        return String.join("  ·  ", java.util.stream.Stream.of(first, second).filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
    }
}
