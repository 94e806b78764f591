-- A booking holds its car for its physical life, decided by when the car went out and came back,
-- never by a status label (a NEEDS_ATTENTION booking whose car is out still holds it):
--   not picked up (RESERVED, or NEEDS_ATTENTION before the hand-over): its booked window;
--   picked up: from the earlier of its start and the hand-over (an early pick-up takes the car
--   earlier) to its end, and once back only until the return (an early return frees the rest);
--   cancelled before the hand-over: nothing.
-- A car still out past its end keeps holding it after `held` ends: see booking_one_out_per_car and
-- the "out past its end" test in CarHolds, which read the same columns.
ALTER TABLE booking ADD COLUMN held TSTZRANGE GENERATED ALWAYS AS (
    CASE
        WHEN picked_up_at IS NULL AND cancelled_at IS NOT NULL THEN NULL
        WHEN returned_at IS NOT NULL
            THEN tstzrange(least(starts_at, picked_up_at), least(ends_at, returned_at), '[)')
        ELSE tstzrange(least(starts_at, picked_up_at), ends_at, '[)')
    END) STORED;

ALTER TABLE booking DROP CONSTRAINT booking_no_overlap;
-- No double booking: two holds of one car never overlap (half-open, so back-to-back rentals coexist).
-- The same transaction that picks up or returns changes the hold, so an early pick-up and a create
-- for the gap it takes cannot both commit.
ALTER TABLE booking ADD CONSTRAINT booking_holds_never_overlap EXCLUDE USING gist (
    car_id WITH =, held WITH &&) WHERE (held IS NOT NULL);

DROP INDEX booking_one_active_per_car;
-- A car is out with at most one booking at a time: a late car blocks the next pick-up.
CREATE UNIQUE INDEX booking_one_out_per_car ON booking (car_id)
    WHERE picked_up_at IS NOT NULL AND returned_at IS NULL;

-- Per car, the sequence of the last booking event written for it. Every booking event carries the
-- next one, assigned in the event's transaction (the row lock orders the transactions of one car),
-- so inventory can apply the car's state latest-wins whatever order the events arrive in.
CREATE TABLE car_event_sequence (
    car_id        UUID   PRIMARY KEY,
    last_sequence BIGINT NOT NULL CHECK (last_sequence > 0)
);
