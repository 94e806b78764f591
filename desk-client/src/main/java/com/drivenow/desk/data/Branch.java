package com.drivenow.desk.data;

import java.time.ZoneId;

/** A rental counter's branch: its code (as in Car.location) and the time zone its times are shown in. */
public record Branch(String code, ZoneId zone) {
}
