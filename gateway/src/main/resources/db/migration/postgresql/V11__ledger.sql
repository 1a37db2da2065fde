-- The usage ledger: per UTC day (YYYY-MM-DD, kept as text like the SQLite layout), user and
-- gateway endpoint, the requests answered, the upstream calls they made, the records the
-- upstream billed, and the requests answered without an upstream call of their own.
CREATE TABLE usage_daily (
    day            TEXT   NOT NULL,
    user_id        TEXT   NOT NULL,
    endpoint       TEXT   NOT NULL,
    requests       BIGINT NOT NULL,
    upstream_calls BIGINT NOT NULL,
    records_billed BIGINT NOT NULL,
    saved_requests BIGINT NOT NULL,
    PRIMARY KEY (day, user_id, endpoint)
);

CREATE INDEX usage_daily_user_day ON usage_daily (user_id, day);
