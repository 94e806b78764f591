package com.drivenow.booking.rental;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Where a booking is in its life and what each step recorded: the part of a booking that the
 * life-cycle steps change (the price aside, which the return fixes).
 */
public record Progress(BookingStatus status, @JsonUnwrapped HandOver handOver, @JsonUnwrapped CarReturn carReturn,
                       @JsonUnwrapped Cancellation cancellation, String attentionReason) {

    static final Progress RESERVED = new Progress(BookingStatus.RESERVED, HandOver.NONE, CarReturn.NONE,
            Cancellation.NONE, null);

    Progress pickedUp(HandOver handedOver) {
        return new Progress(BookingStatus.ACTIVE, handedOver, carReturn, cancellation, attentionReason);
    }

    Progress returned(CarReturn back) {
        return new Progress(BookingStatus.RETURNED, handOver, back, cancellation, attentionReason);
    }

    Progress cancelled(Cancellation calledOff) {
        return new Progress(BookingStatus.CANCELLED, handOver, carReturn, calledOff, attentionReason);
    }

    Progress needingAttention(String reason) {
        return new Progress(BookingStatus.NEEDS_ATTENTION, handOver, carReturn, cancellation, reason);
    }
}
