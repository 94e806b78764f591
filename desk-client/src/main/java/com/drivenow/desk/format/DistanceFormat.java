package com.drivenow.desk.format;

import java.text.NumberFormat;
import java.util.Locale;

/** Odometer readings with the locale's grouping: "12,480 km", or "12.480 km" on a German desk. */
public final class DistanceFormat {

    private final Locale locale;

    public DistanceFormat(Locale locale) {
        this.locale = locale;
    }

    public String km(Integer kilometres) {
        return kilometres == null ? "" : NumberFormat.getIntegerInstance(locale).format(kilometres) + " km";
    }
}
