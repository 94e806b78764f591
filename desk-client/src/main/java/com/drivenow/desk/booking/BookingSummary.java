package com.drivenow.desk.booking;

import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.StatusBadge;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The read-only facts of a booking, at the top of every booking dialog: pick-up and return each at its
 * branch, in that branch's zone with the zone's name, and the price with its fee lines.
 */
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
        Forms.row(grid, "Pick-up", value(at(session, booking.pickUpBranch()) + BookingTime.PICK_UP.zoned(booking, session), "summary-from"));
        Forms.row(grid, "Return", value(at(session, booking.returnBranch()) + BookingTime.RETURN.zoned(booking, session)
                + (booking.oneWay() ? "  (one-way)" : ""), "summary-to"));
        if (PriceLines.hasFees(booking.priceBreakdown())) {
            PriceLines.days(grid, booking.priceBreakdown(), session.money());
            PriceLines.fees(grid, booking.priceBreakdown(), session.money());
        }
        Forms.row(grid, "Price", value(session.money().format(booking.price()), "summary-price"));
        if (booking.mileageOutKm() != null) {
            Forms.row(grid, "Mileage out", value(session.distances().km(booking.mileageOutKm()), null));
        }
        getChildren().add(grid);
        if (booking.availabilityCheck() == AvailabilityCheck.CACHED) {
            getChildren().add(new CachedCheckBanner());
        }
    }

    /** "Munich Airport (MUC-AP)" on a line of its own for a branch the gateway lists, the bare code otherwise, nothing without one. */
    private static String at(Session session, String code) {
        return code == null ? "" : session.branches().find(code).map(Branch::label).orElse(code) + "\n";
    }

    /** Long lines (branch, date, time and zone) wrap rather than being cut off. */
    private static Label value(String text, String id) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-value");
        label.setWrapText(true);
        label.setId(id);
        return label;
    }

    private static String join(String first, String second) {
        return String.join("  ·  ", java.util.stream.Stream.of(first, second).filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
    }
}
