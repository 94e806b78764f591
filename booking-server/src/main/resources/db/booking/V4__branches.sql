-- The booking server's copy of the branches (inventory's branch.* events), so bookings are checked
-- against opening hours while the inventory server is down.
CREATE TABLE fleet_branch (
    code        TEXT        PRIMARY KEY,
    version     BIGINT      NOT NULL,
    branch_json JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Where the car is picked up and returned (null for bookings made before branches), and the fees the
-- route adds to the price (one-way, after-hours return): [{"name": ..., "amount": "25.00"}], in the
-- booking's currency.
ALTER TABLE booking ADD COLUMN pick_up_branch TEXT;
ALTER TABLE booking ADD COLUMN return_branch TEXT;
-- the pick-up branch's IANA zone: days are counted on its calendar (UTC before branches)
ALTER TABLE booking ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE booking ADD COLUMN fees JSONB NOT NULL DEFAULT '[]';
