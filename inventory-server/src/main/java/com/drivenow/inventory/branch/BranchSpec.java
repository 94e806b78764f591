package com.drivenow.inventory.branch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A validated branch, ready to store. */
record BranchSpec(String code, String name, String address, ZoneId timeZone, String country, String currency,
                  OpeningHours openingHours, List<LocalDate> closedDates, boolean afterHoursReturns,
                  BigDecimal afterHoursFee) {
}
