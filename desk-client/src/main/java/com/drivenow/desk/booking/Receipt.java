package com.drivenow.desk.booking;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.api.PriceBreakdown;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.ui.Forms;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What the customer pays after a return: the rental days, each fee of the route (one-way, key box), any
 * late charge (the final price less the price booked, as the booking server charges started days past the
 * window) and the total.
 */
final class Receipt extends VBox {

    Receipt(Booking booked, Booking returned, Session session) {
        super(6);
        setId("receipt");
        getStyleClass().add("receipt");
        GridPane lines = Forms.grid();
        Money total = returned.price();
        Money before = booked.price();
        boolean late = before != null && total != null && before.currency().equals(total.currency()) && total.minus(before).isPositive();
        PriceBreakdown breakdown = returned.priceBreakdown();
        if (PriceLines.hasFees(breakdown)) {
            PriceLines.days(lines, breakdown, session.money());
            PriceLines.fees(lines, breakdown, session.money());
        } else if (late) {
            Forms.row(lines, "Booked window", amount(session.money().format(before), null));
        }
        if (late) {
            Forms.row(lines, "Late return", amount(session.money().format(total.minus(before)), "late-charge"));
        }
        Forms.row(lines, "Driven", amount(session.distances().km(distance(returned)), null));
        Label totalLabel = amount(session.money().format(total), "final-price");
        totalLabel.getStyleClass().add("receipt-total");
        Forms.row(lines, "Total to pay", totalLabel);
        getChildren().add(lines);
    }

    private static Integer distance(Booking returned) {
        return returned.mileageInKm() == null || returned.mileageOutKm() == null
                ? null : returned.mileageInKm() - returned.mileageOutKm();
    }

    private static Label amount(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("receipt-amount");
        return label;
    }
}
