package com.drivenow.desk;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

import java.util.Map;

/** A main-window screen: its node, where Ctrl+F goes, and its own shortcuts (active while it shows). */
public interface DeskScreen {

    Node node();

    void focusSearch();

    default Map<KeyCombination, Runnable> shortcuts() {
        return Map.of();
    }
}
