package com.drivenow.desk.api;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalTime;

/** Open from {@code opens} until {@code closes} on one day; closes 00:00 is midnight at the end of the day. */
public record OpeningInterval(@JsonFormat(pattern = "HH:mm") LocalTime opens, @JsonFormat(pattern = "HH:mm") LocalTime closes) {

    public boolean allDay() {
        return opens.equals(LocalTime.MIDNIGHT) && closes.equals(LocalTime.MIDNIGHT);
    }
}
