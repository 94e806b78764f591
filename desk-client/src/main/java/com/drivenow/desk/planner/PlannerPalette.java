package com.drivenow.desk.planner;

import com.drivenow.desk.api.BookingStatus;
import javafx.scene.paint.Color;

/** Canvas colours of the planner (canvas drawing cannot use CSS); chosen to read on light and dark themes. */
final class PlannerPalette {

    static final Color GRID = Color.rgb(128, 128, 128, 0.25);
    static final Color WEEKEND = Color.rgb(128, 128, 128, 0.08);
    static final Color TODAY = Color.rgb(9, 105, 218);
    static final Color MAINTENANCE = Color.rgb(154, 103, 0, 0.75);
    static final Color TEXT = Color.WHITE;

    private PlannerPalette() {
    }

    static Color bar(BookingStatus status) {
        return switch (status) {
            case RESERVED -> Color.rgb(9, 105, 218);
            case ACTIVE -> Color.rgb(26, 127, 55);
            case RETURNED -> Color.rgb(110, 119, 129);
            case NEEDS_ATTENTION -> Color.rgb(207, 34, 46);
            case CANCELLED -> Color.TRANSPARENT;
        };
    }
}
