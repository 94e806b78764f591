package com.drivenow.desk.booking;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.format.TimeFormat;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which time of a booking a list shows, in the zone of the branch it happens at. Lists show it compact;
 * the zone's short name is added only when that branch's zone is not the desk's own, where it matters.
 */
public enum BookingTime {
    PICK_UP(Booking::from, Session::pickUpTimes),
    RETURN(Booking::to, Session::returnTimes);

    private final Function<Booking, Instant> instant;
    private final BiFunction<Session, Booking, TimeFormat> zone;

    BookingTime(Function<Booking, Instant> instant, BiFunction<Session, Booking, TimeFormat> zone) {
        this.instant = instant;
        this.zone = zone;
    }

    public Instant of(Booking booking) {
        return instant.apply(booking);
    }

    /** Compact ("10:00" today, else date and time), with the zone's short name when it differs from the desk's. */
    public String shown(Booking booking, Session session, Instant now) {
        TimeFormat times = zone.apply(session, booking);
        String text = times.compact(of(booking), now);
        return times.zone().equals(session.times().zone()) ? text : text + " " + times.zoneName(of(booking));
    }

    /** In full with the zone's short name, as summaries and confirmations show it. */
    public String zoned(Booking booking, Session session) {
        return zone.apply(session, booking).zoned(of(booking));
    }
}
