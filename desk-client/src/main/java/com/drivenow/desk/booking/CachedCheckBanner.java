package com.drivenow.desk.booking;

import javafx.scene.control.Label;

/** Explains a CACHED availability check in counter words. */
public final class CachedCheckBanner extends Label {

    public CachedCheckBanner() {
        super("Checked offline: the fleet server was down, so this car was checked against the booking server's "
                + "own copy of the fleet. The booking stands; if the car turns out to be unavailable, the booking "
                + "is flagged \"needs attention\" and every desk is told.");
        setId("cached-banner");
        getStyleClass().add("cached-banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
    }
}
