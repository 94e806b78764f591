package com.drivenow.desk.ui;

import com.drivenow.desk.api.Branch;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Chooses one of the gateway's branches, shown by name and code: "Munich Airport (MUC-AP)". */
public final class BranchPicker extends ComboBox<Branch> {

    public BranchPicker(String id, ObservableList<Branch> branches) {
        super(branches);
        setId(id);
        setMaxWidth(Double.MAX_VALUE);
        setPromptText("Choose a branch");
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Branch branch) {
                return branch == null ? "" : branch.label();
            }

            @Override
            public Branch fromString(String text) {
                return branches.stream().filter(b -> b.label().equals(text)).findFirst().orElse(null);
            }
        });
    }

    /** Selects the branch {@code code}; false (and nothing selected) when the gateway does not list it. */
    public boolean select(String code) {
        setValue(getItems().stream().filter(b -> b.code().equalsIgnoreCase(code)).findFirst().orElse(null));
        return getValue() != null;
    }
}
