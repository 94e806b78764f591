-- Per car, the highest per-car sequence of the booking events applied to it. Booking events carry
-- the state the booking server's record implies for the car (out with which booking, or back) with
-- a per-car sequence; a car takes that state only from an event newer than this, so reordered,
-- redelivered or concurrently consumed events of different bookings can never move it backwards.
CREATE TABLE car_booking_sequence (
    car_id        UUID   PRIMARY KEY REFERENCES car (id),
    last_sequence BIGINT NOT NULL CHECK (last_sequence > 0)
);
