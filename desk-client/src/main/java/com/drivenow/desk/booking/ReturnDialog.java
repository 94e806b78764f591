package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Takes a car back: mileage and fuel in, then shows the receipt with any late charge. */
public final class ReturnDialog extends BookingActionDialog {

    private final TextField mileage = Forms.field("mileage-in", "km on the dashboard");
    private final Spinner<Integer> fuel = new Spinner<>(0, 100, 100, 5);
    private final VBox receiptArea = new VBox();

    public ReturnDialog(DeskContext context, Booking booking) {
        super(context, booking, "Return – " + booking.customer().name(), "Take back");
        fuel.setId("fuel");
        fuel.setEditable(true);
        fuel.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Mileage in (km)", mileage);
        Forms.row(grid, "_Fuel (%)", fuel);
        layOut(new VBox(12, grid, receiptArea));
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
        receiptArea.getChildren().setAll(new Receipt(booking, returned, context.session()));
        notice.success("Car taken back. Hand the customer the receipt.");
        mileage.setDisable(true);
        fuel.setDisable(true);
        finishWith(returned);
        getDialogPane().getScene().getWindow().sizeToScene();
    }

    @Override
    protected Node firstField() {
        return mileage;
    }
}
