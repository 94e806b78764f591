package com.drivenow.desk.ui;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.util.Locale;

/**
 * A coloured pill for a car or booking status. The colour comes from the stylesheet through a
 * pseudo-class ({@code .badge:available}...): switching one restyles the node without matching every
 * selector again, which keeps a table of thousands of cars quick to filter.
 */
public final class StatusBadge extends Label {

    private PseudoClass shown;

    public StatusBadge() {
        getStyleClass().add("badge");
    }

    public void show(Enum<?> status) {
        shown = mark(this, shown, status);
        setText(status == null ? "" : label(status));
    }

    /** Moves {@code node} from its previous status pseudo-class to the one of {@code status}; returns the new one. */
    public static PseudoClass mark(Node node, PseudoClass previous, Enum<?> status) {
        PseudoClass next = status == null ? null : PseudoClass.getPseudoClass(status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (previous != next) {
            if (previous != null) {
                node.pseudoClassStateChanged(previous, false);
            }
            if (next != null) {
                node.pseudoClassStateChanged(next, true);
            }
        }
        return next;
    }

    public static String label(Enum<?> status) {
        return Words.of(status.name());
    }
}
