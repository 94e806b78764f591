-- Who changed what through the API, when, with which request id: one row per successful
-- state-changing call (written by the platform's AuditFilter right after the call's answer).
CREATE TABLE audit_entry (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       TEXT        NOT NULL,
    actor_kind  TEXT        NOT NULL CHECK (actor_kind IN ('USER', 'INTEGRATION', 'SYSTEM')),
    roles       TEXT        NOT NULL,
    method      TEXT        NOT NULL,
    path        TEXT        NOT NULL,
    status      INT         NOT NULL,
    resource    TEXT,
    resource_id TEXT,
    request_id  TEXT
);
CREATE INDEX audit_entry_by_time ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_by_resource ON audit_entry (resource_id, at DESC);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, at DESC);
