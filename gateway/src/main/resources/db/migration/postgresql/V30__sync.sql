-- Replica sync: the change history, the webhook inbox and batch-sync checkpoints.
-- Times are TIMESTAMPTZ.

-- One row per observed change of a tracked field. The unique key makes recording idempotent: the
-- same new value at the same upstream version is recorded once, whichever path saw it first.
-- An absent value (no listing date, no last sale) is stored as '' so that the key stays unique.
CREATE TABLE property_changes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    property_id TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT    NOT NULL,
    new_value   TEXT    NOT NULL,
    version     TIMESTAMPTZ NOT NULL,
    source      TEXT    NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL,
    UNIQUE (property_id, field, new_value, version)
);

CREATE INDEX property_changes_by_property ON property_changes (property_id, field, version);

-- Webhook events as received, deduplicated by webhook-id. state: pending, applied, stale
-- (older than the stored state) or unknown (the property is not in the replica). new_value is the
-- event's price or status; payload keeps the body as received.
CREATE TABLE webhook_inbox (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id  TEXT    NOT NULL UNIQUE,
    event_type  TEXT    NOT NULL,
    property_id TEXT    NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    new_value   TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    applied_at  TIMESTAMPTZ
);

CREATE INDEX webhook_inbox_pending ON webhook_inbox (state, changed_at, seq);

-- Where a batch sync stands: the highest (updated_at, property_id) committed and the feed cursor
-- to continue from (empty when the last run finished).
CREATE TABLE sync_checkpoints (
    name        TEXT    NOT NULL PRIMARY KEY,
    since       TIMESTAMPTZ NOT NULL,
    cursor      TEXT,
    high_at     TIMESTAMPTZ NOT NULL,
    high_id     TEXT    NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
