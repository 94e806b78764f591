package com.drivenow.inventory.branch;

import java.time.LocalDate;
import java.util.List;

/** A branch as a client sends it, before validation: every field may be missing or wrong. */
public record BranchDraft(String code, String name, String address, String timeZone, String country, String currency,
                          OpeningHours openingHours, List<LocalDate> closedDates, Boolean afterHoursReturns,
                          String afterHoursFee) {
}
