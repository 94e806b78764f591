package com.drivenow.desk.planner;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One car's line in the planner, drawn on a canvas. ListView recycles these cells, so only the visible
 * rows exist, whatever the fleet size.
 */
final class PlannerRow extends ListCell<Car> {

    static final double HEIGHT = 34;
    static final double LABEL_WIDTH = 250;
    private static final double PLATE_WIDTH = 104;
    private static final double BAR_INSET = 6;
    private static final Font BAR_FONT = Font.font(11);

    private final PlannerModel model;
    private final PlannerPalette palette;
    private final Supplier<PlannerLayout> layout;
    private final Supplier<Instant> now;
    private final Label plate = new Label();
    private final Label carName = new Label();
    private final Canvas canvas = new Canvas();
    private final HBox box;

    PlannerRow(PlannerModel model, PlannerPalette palette, Supplier<PlannerLayout> layout, Supplier<Instant> now,
               Consumer<Booking> openBooking, BiConsumer<Car, LocalDate> newBooking) {
        this.model = model;
        this.palette = palette;
        this.layout = layout;
        this.now = now;
        getStyleClass().add("planner-row");
        plate.getStyleClass().add("planner-plate");
        plate.setMinWidth(PLATE_WIDTH);
        carName.getStyleClass().add("planner-car");
        carName.setMaxWidth(LABEL_WIDTH - PLATE_WIDTH);
        HBox name = new HBox(plate, carName);
        name.setAlignment(Pos.CENTER_LEFT);
        name.setMinWidth(LABEL_WIDTH);
        name.setPrefWidth(LABEL_WIDTH);
        box = new HBox(name, canvas);
        canvas.setHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        canvas.setOnMouseClicked(e -> {
            Car car = getItem();
            if (car == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            Optional<Booking> hit = bookingAt(car, e.getX());
            if (hit.isPresent()) {
                openBooking.accept(hit.get());
            } else if (car.status() != CarStatus.MAINTENANCE) {
                layout.get().dayAt(e.getX()).ifPresent(day -> newBooking.accept(car, day));
            }
        });
    }

    @Override
    protected void updateItem(Car car, boolean empty) {
        super.updateItem(car, empty);
        setText(null);
        if (empty || car == null) {
            setGraphic(null);
            return;
        }
        plate.setText(car.plate());
        carName.setText(car.makeAndModel());
        draw(car);
        setGraphic(box);
    }

    Optional<Booking> bookingAt(Car car, double x) {
        PlannerLayout geometry = layout.get();
        return model.bookingsOf(car).stream()
                .filter(b -> geometry.span(b.from(), b.to()).map(s -> x >= s.x() && x <= s.x() + s.width()).orElse(false))
                .findFirst();
    }

    private void draw(Car car) {
        PlannerLayout geometry = layout.get();
        canvas.setWidth(geometry.width());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), HEIGHT);
        for (int day = 0; day < geometry.days(); day++) {
            double x = day * geometry.dayWidth();
            DayOfWeek weekday = geometry.start().plusDays(day).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                g.setFill(palette.weekend());
                g.fillRect(x, 0, geometry.dayWidth(), HEIGHT);
            }
            g.setStroke(palette.grid());
            g.strokeLine(x + 0.5, 0, x + 0.5, HEIGHT);
        }
        if (car.status() == CarStatus.MAINTENANCE) {
            geometry.span(now.get(), geometry.endInstant()).ifPresent(s -> bar(g, s, palette.maintenance(), "Maintenance"));
        }
        for (Booking booking : model.bookingsOf(car)) {
            geometry.span(booking.from(), booking.to())
                    .ifPresent(s -> bar(g, s, palette.bar(booking.status()), booking.customer().name()));
        }
        geometry.span(now.get(), now.get().plusSeconds(1)).ifPresent(s -> {
            g.setStroke(palette.today());
            g.strokeLine(s.x(), 0, s.x(), HEIGHT);
        });
    }

    private void bar(GraphicsContext g, PlannerLayout.Span span, Color colour, String label) {
        double width = Math.max(3, span.width() - 2);
        g.setFill(colour);
        g.fillRoundRect(span.x() + 1, BAR_INSET, width, HEIGHT - 2 * BAR_INSET, 6, 6);
        if (width > 30) {
            g.save();
            g.beginPath();
            g.rect(span.x() + 1, 0, width - 4, HEIGHT);
            g.clip();
            g.setFill(palette.barText());
            g.setFont(BAR_FONT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, span.x() + 7, HEIGHT / 2);
            g.restore();
        }
    }
}
