package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Car;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import java.time.LocalDate;

/** Opens the right flow for a booking (pick-up, return, details) and starts new bookings. */
public final class BookingFlows {

    private final DeskContext context;

    public BookingFlows(DeskContext context) {
        this.context = context;
    }

    public void open(Booking booking) {
        switch (booking.status()) {
            case RESERVED -> new PickUpDialog(context, booking, () -> cancel(booking)).show();
            case ACTIVE -> new ReturnDialog(context, booking).show();
            default -> showDetails(booking);
        }
    }

    public void cancel(Booking booking) {
        new CancelDialog(context, booking).show();
    }

    public void newBooking(boolean walkIn) {
        new BookingWizard(context, BookingWizardModel.blank(context, walkIn)).show();
    }

    /** From the planner: a booking for this car starting on this day. */
    public void newBooking(Car car, LocalDate day) {
        new BookingWizard(context, BookingWizardModel.forCar(context, car, day)).show();
    }

    private void showDetails(Booking booking) {
        Alert details = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        details.initOwner(context.owner().get());
        details.setTitle("Booking – " + booking.customer().name());
        details.getDialogPane().setContent(new BookingSummary(booking, context.session()));
        details.show();
    }
}
