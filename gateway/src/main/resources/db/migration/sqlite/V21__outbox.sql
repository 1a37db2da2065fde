-- The notification outbox and users' webhook settings. Times are epoch milliseconds.

-- seq numbers each user's notifications without gaps in commit order; event_key makes appending
-- idempotent. state is none (stream only), pending, delivered or dead.
CREATE TABLE outbox (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    event_type      TEXT    NOT NULL,
    event_key       TEXT    NOT NULL UNIQUE,
    payload         TEXT    NOT NULL,
    callback_url    TEXT,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    claimed_until   INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER,
    UNIQUE (user_id, seq)
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- The signing secret is kept as issued: signing needs it, a hash would not do.
CREATE TABLE webhook_targets (
    user_id        TEXT    NOT NULL PRIMARY KEY,
    callback_url   TEXT    NOT NULL,
    signing_secret TEXT    NOT NULL,
    updated_at     INTEGER NOT NULL
);
