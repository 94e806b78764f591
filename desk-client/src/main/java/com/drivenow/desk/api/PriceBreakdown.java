package com.drivenow.desk.api;

import java.util.List;

/** How the booking server reached a price: started days (and late days) at the daily rate, plus fees. */
public record PriceBreakdown(Money dailyRate, int days, int lateDays, List<Fee> fees, String description) {

    public List<Fee> feesOrNone() {
        return fees == null ? List.of() : fees;
    }
}
