-- The booking server's own copy of the fleet, fed by the inventory server's car.* events and by every
-- live bookability answer. It lets bookings and availability work while the inventory server is down.
CREATE TABLE fleet_car (
    id          UUID          PRIMARY KEY,
    plate       TEXT          NOT NULL,
    make        TEXT          NOT NULL,
    model       TEXT          NOT NULL,
    category    TEXT          NOT NULL,
    location    TEXT          NOT NULL,
    daily_rate  NUMERIC(12,2) NOT NULL,
    currency    TEXT          NOT NULL,
    mileage_km  BIGINT        NOT NULL,
    status      TEXT          NOT NULL,
    version     BIGINT        NOT NULL,
    car_json    JSONB         NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX fleet_car_search ON fleet_car (category, location);

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE booking (
    id                 UUID          PRIMARY KEY,
    car_id             UUID          NOT NULL,
    car_plate          TEXT          NOT NULL,
    car_make           TEXT          NOT NULL,
    car_model          TEXT          NOT NULL,
    customer_name      TEXT          NOT NULL,
    customer_email     TEXT          NOT NULL,
    customer_phone     TEXT          NOT NULL,
    customer_license   TEXT          NOT NULL,
    starts_at          TIMESTAMPTZ   NOT NULL,
    ends_at            TIMESTAMPTZ   NOT NULL,
    status             TEXT          NOT NULL
        CHECK (status IN ('RESERVED', 'ACTIVE', 'RETURNED', 'CANCELLED', 'NEEDS_ATTENTION')),
    daily_rate         NUMERIC(12,2) NOT NULL,
    currency           TEXT          NOT NULL,
    days               INT           NOT NULL,
    late_days          INT           NOT NULL DEFAULT 0,
    availability_check TEXT          NOT NULL CHECK (availability_check IN ('LIVE', 'CACHED')),
    mileage_out_km     BIGINT,
    mileage_in_km      BIGINT,
    fuel_percent       INT,
    cancel_reason      TEXT,
    attention_reason   TEXT,
    sequence           INT           NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    picked_up_at       TIMESTAMPTZ,
    returned_at        TIMESTAMPTZ,
    cancelled_at       TIMESTAMPTZ,
    created_by         TEXT          NOT NULL,
    created_by_integration BOOLEAN   NOT NULL,
    CHECK (ends_at > starts_at),
    -- No double booking: two bookings that hold the same car never overlap (half-open windows, so
    -- back-to-back rentals coexist). RETURNED and CANCELLED bookings no longer hold the car.
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (
        car_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status IN ('RESERVED', 'ACTIVE', 'NEEDS_ATTENTION'))
);
-- A car is out with at most one booking at a time: a late car blocks the next pick-up.
CREATE UNIQUE INDEX booking_one_active_per_car ON booking (car_id) WHERE status = 'ACTIVE';
CREATE INDEX booking_listing ON booking (starts_at, id);
CREATE INDEX booking_by_creator ON booking (created_by, starts_at);

-- Idempotency-Key of create calls, per caller, with a hash of the body that first used it.
CREATE TABLE idempotency_key (
    caller      TEXT        NOT NULL,
    key         TEXT        NOT NULL,
    body_hash   TEXT        NOT NULL,
    booking_id  UUID        NOT NULL REFERENCES booking (id) DEFERRABLE INITIALLY DEFERRED,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
