package com.drivenow.inventory.car;

import com.drivenow.platform.web.FieldErrors;

/** A fleet manager's correction of a car's odometer, with the reason (kept in the log). */
public record OdometerCorrection(Long mileageKm, String reason) {

    void validate() {
        new FieldErrors()
                .require("mileageKm", mileageKm)
                .check(mileageKm == null || mileageKm >= 0, "mileageKm", "must be 0 or more")
                .require("reason", reason)
                .check(reason == null || reason.length() <= 500, "reason", "must be at most 500 characters")
                .throwIfAny();
    }
}
