package com.drivenow.inventory.branch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place where cars are picked up and returned, as the API shows it. Opening hours are in
 * {@code timeZone} (IANA); {@code closedDates} are whole local days the counter is shut (holidays);
 * with {@code afterHoursReturns} a car may be returned to the key box outside the hours, for
 * {@code afterHoursFee} in the branch's {@code currency}.
 */
public record Branch(String code, String name, String address, String timeZone, String country, String currency,
                     OpeningHours openingHours, List<LocalDate> closedDates, boolean afterHoursReturns,
                     String afterHoursFee, long version, Instant createdAt, Instant updatedAt) {

    /** The editable fields, as a client would send them, for merging a partial update into. */
    BranchDraft toDraft() {
        return new BranchDraft(code, name, address, timeZone, country, currency, openingHours, closedDates,
                afterHoursReturns, afterHoursFee);
    }
}
