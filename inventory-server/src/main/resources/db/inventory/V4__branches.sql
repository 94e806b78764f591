-- The branches: where cars are picked up and returned. Opening hours are wall-clock times in the
-- branch's IANA time zone; closed dates are whole local days (holidays).
CREATE TABLE branch (
    code                TEXT          PRIMARY KEY CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
    name                TEXT          NOT NULL CHECK (btrim(name) <> ''),
    address             TEXT          NOT NULL,
    time_zone           TEXT          NOT NULL,
    country             CHAR(2)       NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    currency            CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    opening_hours       JSONB         NOT NULL,
    closed_dates        JSONB         NOT NULL DEFAULT '[]',
    after_hours_returns BOOLEAN       NOT NULL DEFAULT false,
    after_hours_fee     NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (after_hours_fee >= 0),
    version             BIGINT        NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- Locations cars already stand at become branches open around the clock in UTC (country unknown:
-- ZZ), for a fleet manager to complete; from now on a car stands at a branch that exists.
INSERT INTO branch (code, name, address, time_zone, country, currency, opening_hours)
SELECT location, location, '', 'UTC', 'ZZ', min(daily_rate_currency),
       '{"MONDAY":[{"opens":"00:00","closes":"00:00"}],"TUESDAY":[{"opens":"00:00","closes":"00:00"}],
         "WEDNESDAY":[{"opens":"00:00","closes":"00:00"}],"THURSDAY":[{"opens":"00:00","closes":"00:00"}],
         "FRIDAY":[{"opens":"00:00","closes":"00:00"}],"SATURDAY":[{"opens":"00:00","closes":"00:00"}],
         "SUNDAY":[{"opens":"00:00","closes":"00:00"}]}'
FROM car GROUP BY location;

ALTER TABLE car ADD CONSTRAINT car_at_a_branch FOREIGN KEY (location) REFERENCES branch (code);
