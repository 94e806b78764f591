-- The fleet. Enumerations are checked here too, so no code path can store a value the API cannot show.
CREATE TABLE car (
    id                  UUID        PRIMARY KEY,
    plate               TEXT        NOT NULL,
    make                TEXT        NOT NULL CHECK (btrim(make) <> ''),
    model               TEXT        NOT NULL CHECK (btrim(model) <> ''),
    year                INT         NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    category            TEXT        NOT NULL CHECK (category IN ('ECONOMY', 'COMPACT', 'MIDSIZE', 'SUV', 'VAN', 'LUXURY')),
    seats               INT         NOT NULL CHECK (seats BETWEEN 1 AND 9),
    transmission        TEXT        NOT NULL CHECK (transmission IN ('MANUAL', 'AUTOMATIC')),
    fuel_type           TEXT        NOT NULL CHECK (fuel_type IN ('PETROL', 'DIESEL', 'HYBRID', 'ELECTRIC')),
    daily_rate_currency CHAR(3)     NOT NULL CHECK (daily_rate_currency ~ '^[A-Z]{3}$'),
    daily_rate_amount   NUMERIC(12, 2) NOT NULL CHECK (daily_rate_amount > 0),
    location            TEXT        NOT NULL CHECK (location ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
    mileage_km          BIGINT      NOT NULL CHECK (mileage_km >= 0),
    status              TEXT        NOT NULL CHECK (status IN ('AVAILABLE', 'RENTED', 'MAINTENANCE', 'RETIRED')),
    -- the booking that has the car out; set exactly while RENTED
    rented_by           UUID,
    version             BIGINT      NOT NULL CHECK (version >= 1),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT car_plate_unique UNIQUE (plate),
    CONSTRAINT car_rented_by_booking CHECK ((status = 'RENTED') = (rented_by IS NOT NULL))
);
-- Listing filters; the unique plate index serves the listing's order and the plate search prefix.
CREATE INDEX car_status_idx ON car (status, plate);
CREATE INDEX car_category_idx ON car (category, plate);
CREATE INDEX car_location_idx ON car (location, plate);

-- What the booking events told inventory about each booking: the highest sequence applied (so a
-- stale or out-of-order event is a no-op) and whether the booking is still open (created or picked
-- up, not returned or cancelled), which is what retiring a car must respect.
CREATE TABLE booking_progress (
    booking_id    UUID        PRIMARY KEY,
    car_id        UUID        NOT NULL REFERENCES car (id),
    last_sequence BIGINT      NOT NULL CHECK (last_sequence >= 0),
    last_event    TEXT,
    open          BOOLEAN     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX booking_progress_open_by_car ON booking_progress (car_id) WHERE open;
