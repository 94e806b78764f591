package com.drivenow.desk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Two-column label/field grids, the layout of every desk form. */
public final class Forms {

    private Forms() {
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Adds a row; the label's mnemonic (underscore) moves focus to the field with Alt+letter. */
    public static void row(GridPane grid, String label, Node field) {
        Label text = new Label(label);
        text.setMnemonicParsing(true);
        text.setLabelFor(field);
        text.getStyleClass().add("form-label");
        grid.addRow(grid.getRowCount(), text, field);
    }

    public static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Reads a whole number or returns null, so callers can say which field is wrong. */
    public static Integer wholeNumber(TextField field) {
        try {
            return Integer.valueOf(field.getText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
