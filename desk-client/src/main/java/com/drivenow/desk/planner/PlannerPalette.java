package com.drivenow.desk.planner;

import com.drivenow.desk.api.BookingStatus;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.Function;

/**
 * The planner's canvas colours, taken from the stylesheet (desk.css, {@code .planner-palette}) so they
 * follow the light or dark theme: a canvas cannot be styled, but this invisible node can, and the rows
 * read its resolved colours. {@link #onChange(Runnable)} tells when a theme switch changed them.
 */
final class PlannerPalette extends Region {

    private static final StyleablePropertyFactory<PlannerPalette> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> reserved = colour("-planner-reserved", p -> p.reserved, Color.ROYALBLUE);
    private final StyleableProperty<Color> active = colour("-planner-active", p -> p.active, Color.SEAGREEN);
    private final StyleableProperty<Color> returned = colour("-planner-returned", p -> p.returned, Color.GRAY);
    private final StyleableProperty<Color> attention = colour("-planner-attention", p -> p.attention, Color.CRIMSON);
    private final StyleableProperty<Color> maintenance = colour("-planner-maintenance", p -> p.maintenance, Color.DARKGOLDENROD);
    private final StyleableProperty<Color> barText = colour("-planner-bar-text", p -> p.barText, Color.WHITE);
    private final StyleableProperty<Color> grid = colour("-planner-grid", p -> p.grid, Color.LIGHTGRAY);
    private final StyleableProperty<Color> weekend = colour("-planner-weekend", p -> p.weekend, Color.WHITESMOKE);
    private final StyleableProperty<Color> today = colour("-planner-today", p -> p.today, Color.ROYALBLUE);
    private final StyleableProperty<Color> dayText = colour("-planner-day-text", p -> p.dayText, Color.GRAY);

    PlannerPalette() {
        getStyleClass().add("planner-palette");
        setManaged(false);
        setMouseTransparent(true);
    }

    void onChange(Runnable redraw) {
        List.of(reserved, active, returned, attention, maintenance, barText, grid, weekend, today, dayText)
                .forEach(p -> ((ObservableValue<?>) p).addListener((obs, old, now) -> redraw.run()));
    }

    Color bar(BookingStatus status) {
        return switch (status) {
            case RESERVED -> reserved.getValue();
            case ACTIVE -> active.getValue();
            case RETURNED -> returned.getValue();
            case NEEDS_ATTENTION -> attention.getValue();
            case CANCELLED -> Color.TRANSPARENT;
        };
    }

    Color maintenance() {
        return maintenance.getValue();
    }

    Color barText() {
        return barText.getValue();
    }

    Color grid() {
        return grid.getValue();
    }

    Color weekend() {
        return weekend.getValue();
    }

    Color today() {
        return today.getValue();
    }

    Color dayText() {
        return dayText.getValue();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private StyleableProperty<Color> colour(String cssName, Function<PlannerPalette, StyleableProperty<Color>> self, Color fallback) {
        return CSS.createStyleableColorProperty(this, cssName.substring(1), cssName, self, fallback);
    }
}
