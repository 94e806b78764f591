package com.drivenow.booking.rental;

/**
 * The one definition of when a booking holds its car, as SQL over a booking aliased {@code b} (the
 * {@code held} column of migration V3 and the hand-over columns). Availability, the overdue check
 * and the early pick-up all read these; the exclusion constraint is written on the same column.
 * Named parameters: {@code :from}, {@code :to} (the window asked for) and {@code :now}.
 */
public final class CarHolds {

    /** The booking's hold overlaps the window: exactly the exclusion constraint's test, so its index serves it. */
    public static final String OVERLAPS_WINDOW = "b.held && tstzrange(:from, :to, '[)')";

    /** The car is out with the booking: handed over, not back. Decided by the hand-over, never by a status label. */
    public static final String OUT = "b.picked_up_at IS NOT NULL AND b.returned_at IS NULL";

    /**
     * The car is out past the booking's end, so it holds the car until it is back: nobody can have it
     * for a window that starts before now. (A later window is accepted; its pick-up waits for the car.)
     */
    public static final String OUT_PAST_ITS_END = OUT + " AND upper(b.held) <= :now AND :from < :now";

    private CarHolds() {
    }
}
