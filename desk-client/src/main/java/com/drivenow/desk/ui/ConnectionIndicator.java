package com.drivenow.desk.ui;

import com.drivenow.desk.live.StreamState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/**
 * The dot in the header: green when live, amber while connecting, red when the stream or a server is
 * down. A server outage (seen on any call) outranks a healthy stream.
 */
public final class ConnectionIndicator extends Label {

    private final ObjectProperty<String> serverOutage = new SimpleObjectProperty<>();

    public ConnectionIndicator(ReadOnlyObjectProperty<StreamState> stream) {
        setId("connection-indicator");
        getStyleClass().add("connection");
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        setGraphic(dot);
        Tooltip tooltip = new Tooltip();
        setTooltip(tooltip);
        stream.addListener((obs, old, now) -> refresh(stream.get()));
        serverOutage.addListener((obs, old, now) -> refresh(stream.get()));
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> serverOutage.get() != null ? serverOutage.get() : stream.get().explanation(), stream, serverOutage));
        refresh(stream.get());
    }

    /** Null clears the outage; FX thread only. */
    public void setServerOutage(String explanation) {
        serverOutage.set(explanation);
    }

    private void refresh(StreamState state) {
        getStyleClass().removeAll("connection-live", "connection-connecting", "connection-down");
        if (serverOutage.get() != null) {
            getStyleClass().add("connection-down");
            setText("Server down");
            return;
        }
        switch (state.kind()) {
            case LIVE -> {
                getStyleClass().add("connection-live");
                setText("Live");
            }
            case CONNECTING -> {
                getStyleClass().add("connection-connecting");
                setText("Connecting");
            }
            case DOWN, STOPPED -> {
                getStyleClass().add("connection-down");
                setText("Live updates down");
            }
        }
    }
}
