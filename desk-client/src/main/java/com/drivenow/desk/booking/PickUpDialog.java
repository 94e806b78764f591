package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Hands a reserved car over: mileage out (prefilled from the fleet), or cancel the reservation. */
public final class PickUpDialog extends BookingActionDialog {

    private final TextField mileage = Forms.field("mileage-out", "km on the dashboard");

    public PickUpDialog(DeskContext context, Booking booking, Runnable cancelReservation) {
        super(context, booking, "Pick-up – " + booking.customer().name(), "Hand over");
        context.fleet().byId(booking.carId()).map(Car::mileageKm).ifPresent(km -> mileage.setText(String.valueOf(km)));
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Mileage out (km)", mileage);
        Button cancel = new Button("Cancel reservation…");
        cancel.setId("cancel-reservation");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> {
            close();
            cancelReservation.run();
        });
        layOut(new VBox(12, grid, cancel));
    }

    @Override
    protected Optional<Callable<Booking>> action() {
        Integer km = Forms.wholeNumber(mileage);
        if (km == null || km < 0) {
            notice.error("Enter the mileage shown on the dashboard, in whole kilometres.");
            mileage.requestFocus();
            return Optional.empty();
        }
        return Optional.of(() -> context.gateway().pickUp(booking.id(), km));
    }

    @Override
    protected Node firstField() {
        return mileage;
    }
}
