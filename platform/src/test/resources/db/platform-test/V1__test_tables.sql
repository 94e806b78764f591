-- Only for the platform's own tests: something for a test handler to change.
CREATE TABLE test_ledger (
    event_id UUID PRIMARY KEY,
    note     TEXT NOT NULL
);
