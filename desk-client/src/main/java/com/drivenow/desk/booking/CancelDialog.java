package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Cancels a reservation; the reason is required, it stays on the booking for colleagues. */
public final class CancelDialog extends BookingActionDialog {

    private final TextArea reason = new TextArea();

    public CancelDialog(DeskContext context, Booking booking) {
        super(context, booking, "Cancel reservation – " + booking.customer().name(), "Cancel reservation");
        reason.setId("cancel-reason");
        reason.setPromptText("Why is it cancelled? (customer called, no show, …)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Reason", reason);
        layOut(grid);
    }

    @Override
    protected Optional<Callable<Booking>> action() {
        String why = reason.getText().strip();
        if (why.isEmpty()) {
            notice.error("Say why the reservation is cancelled.");
            reason.requestFocus();
            return Optional.empty();
        }
        return Optional.of(() -> context.gateway().cancel(booking.id(), why));
    }

    @Override
    protected Node firstField() {
        return reason;
    }
}
