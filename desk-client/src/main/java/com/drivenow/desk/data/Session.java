package com.drivenow.desk.data;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.User;
import com.drivenow.desk.format.DistanceFormat;
import com.drivenow.desk.format.MoneyFormat;
import com.drivenow.desk.format.TimeFormat;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Who is at the desk, for which branch, and how times, money and mileage are shown. {@link #times()} is
 * the signed-in branch's zone; a booking's or another branch's times come from {@link #timesAt(String)},
 * {@link #pickUpTimes(Booking)} and {@link #returnTimes(Booking)}, each in that branch's own zone.
 */
public record Session(User user, Branch branch, Branches branches, TimeFormat times, MoneyFormat money,
                      DistanceFormat distances) {

    public static Session of(User user, Branch branch, Branches branches, Locale locale) {
        return new Session(user, branch, branches, new TimeFormat(branch.zone(), locale), new MoneyFormat(locale),
                new DistanceFormat(locale));
    }

    /** Times at the branch {@code code} (a car's location, a booking's return branch). */
    public TimeFormat timesAt(String code) {
        return times.in(branches.zoneOf(code, times.zone()));
    }

    /** A booking's pick-up in its own zone (the pick-up branch's, as the booking says). */
    public TimeFormat pickUpTimes(Booking booking) {
        return booking.timeZone() != null ? times.in(ZoneId.of(booking.timeZone())) : timesAt(booking.pickUpBranch());
    }

    /** A booking's return at the branch the car comes back to. */
    public TimeFormat returnTimes(Booking booking) {
        return booking.returnBranch() == null ? pickUpTimes(booking)
                : times.in(branches.zoneOf(booking.returnBranch(), pickUpTimes(booking).zone()));
    }
}
