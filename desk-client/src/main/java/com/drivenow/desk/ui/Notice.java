package com.drivenow.desk.ui;

import javafx.scene.control.Label;

/** A one-line message area under a form: errors in red, confirmations in green, hidden when empty. */
public final class Notice extends Label {

    public Notice() {
        getStyleClass().add("notice");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        managedProperty().bind(visibleProperty());
        clear();
    }

    public void error(String text) {
        show(text, "notice-error");
    }

    public void error(Exception failure) {
        error(ErrorText.describe(failure));
    }

    public void info(String text) {
        show(text, "notice-info");
    }

    public void success(String text) {
        show(text, "notice-success");
    }

    public void clear() {
        setText("");
        setVisible(false);
    }

    private void show(String text, String style) {
        getStyleClass().removeAll("notice-error", "notice-info", "notice-success");
        getStyleClass().add(style);
        setText(text);
        setVisible(true);
    }
}
