package com.drivenow.desk.ui;

import javafx.scene.control.Label;

import java.util.Locale;

/** A coloured pill for a car or booking status; the colour comes from the stylesheet (badge-available...). */
public final class StatusBadge extends Label {

    public StatusBadge() {
        getStyleClass().add("badge");
    }

    public void show(Enum<?> status) {
        getStyleClass().removeIf(style -> style.startsWith("badge-"));
        if (status == null) {
            setText("");
            return;
        }
        getStyleClass().add(styleClass(status));
        setText(label(status));
    }

    public static String styleClass(Enum<?> status) {
        return "badge-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String label(Enum<?> status) {
        return Words.of(status.name());
    }
}
