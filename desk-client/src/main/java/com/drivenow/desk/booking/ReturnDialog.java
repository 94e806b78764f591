package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Takes a car back: mileage and fuel in, then shows the final price with any late charge. */
public final class ReturnDialog extends BookingActionDialog {

    private final TextField mileage = Forms.field("mileage-in", "km on the dashboard");
    private final Spinner<Integer> fuel = new Spinner<>(0, 100, 100, 5);
    private final Label receipt = new Label();

    public ReturnDialog(DeskContext context, Booking booking) {
        super(context, booking, "Return – " + booking.customer().name(), "Take back");
        fuel.setId("fuel");
        fuel.setEditable(true);
        fuel.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Mileage in (km)", mileage);
        Forms.row(grid, "_Fuel (%)", fuel);
        receipt.setId("final-price");
        receipt.getStyleClass().add("receipt");
        receipt.setWrapText(true);
        receipt.managedProperty().bind(receipt.visibleProperty());
        receipt.setVisible(false);
        layOut(new VBox(12, grid, receipt));
    }

    @Override
    protected Optional<Callable<Booking>> action() {
        Integer km = Forms.wholeNumber(mileage);
        int out = booking.mileageOutKm() == null ? 0 : booking.mileageOutKm();
        if (km == null || km < out) {
            notice.error("Enter the mileage on the dashboard; it cannot be below the " + out + " km at pick-up.");
            mileage.requestFocus();
            return Optional.empty();
        }
        int fuelPercent = fuel.getValue();
        return Optional.of(() -> context.gateway().returnCar(booking.id(), km, fuelPercent));
    }

    @Override
    protected void completed(Booking returned) {
        receipt.setText(receiptText(returned));
        receipt.setVisible(true);
        notice.success("Car taken back.");
        mileage.setDisable(true);
        fuel.setDisable(true);
        finishWith(returned);
    }

    private String receiptText(Booking returned) {
        String total = "Final price " + context.session().money().format(returned.price());
        Money booked = booking.price();
        if (booked != null && returned.price() != null && booked.currency().equals(returned.price().currency())) {
            Money late = returned.price().minus(booked);
            if (late.isPositive()) {
                return total + ", including a late charge of " + context.session().money().format(late)
                        + " (returned after " + context.session().times().dateTime(booking.to()) + ").";
            }
        }
        return total + ".";
    }

    @Override
    protected Node firstField() {
        return mileage;
    }
}
