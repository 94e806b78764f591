package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.Notice;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A modal dialog over one booking: its summary, a small form and one action (Enter), Escape to close.
 * The action runs off the FX thread; a failure keeps the dialog open with the gateway's words.
 * Subclasses give the form and the call, and may show a result instead of closing.
 */
public abstract class BookingActionDialog extends Dialog<Booking> {

    protected final DeskContext context;
    protected final Booking booking;
    protected final Notice notice = new Notice();
    private final BusyState busy = new BusyState();
    private final ButtonType actionType;
    private boolean finished;

    protected BookingActionDialog(DeskContext context, Booking booking, String title, String actionLabel) {
        this.context = context;
        this.booking = booking;
        setTitle(title);
        getDialogPane().setHeaderText(title);
        initOwner(context.owner().get());
        actionType = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(actionType, new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().getStyleClass().add("booking-dialog");
        Button action = actionButton();
        action.setId("dialog-action");
        action.disableProperty().bind(busy.busyProperty());
        action.addEventFilter(ActionEvent.ACTION, e -> {
            if (!finished) {
                e.consume();
                runAction();
            }
        });
        setResultConverter(button -> null);
    }

    /** Builds the content; subclasses call it at the end of their constructor, once their fields exist. */
    protected final void layOut(Node form) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(busy.showProgressProperty());
        VBox content = new VBox(16, new BookingSummary(booking, context.session()), form, new HBox(8, progress, notice));
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        Platform.runLater(() -> firstField().requestFocus());
    }

    /** The call to make, or empty after telling the agent (in {@link #notice}) what to correct. */
    protected abstract Optional<Callable<Booking>> action();

    protected abstract Node firstField();

    /** Default: publish the new booking state and close. */
    protected void completed(Booking updated) {
        context.bookings().upsert(updated);
        setResult(updated);
        close();
    }

    /** Makes the action button a plain "Done" that closes the dialog. */
    protected final void finishWith(Booking updated) {
        finished = true;
        context.bookings().upsert(updated);
        setResultConverter(button -> updated);
        actionButton().setText("Done");
    }

    protected final Button actionButton() {
        return (Button) getDialogPane().lookupButton(actionType);
    }

    private void runAction() {
        Optional<Callable<Booking>> call = action();
        if (call.isEmpty()) {
            return;
        }
        notice.clear();
        Async.run(busy, call.get(), this::completed, notice::error);
    }
}
