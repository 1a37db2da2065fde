-- The replica: the last version of every property the gateway read from the upstream, to answer
-- from when the upstream and the cache cannot.
CREATE TABLE replica_properties (
    property_id TEXT        NOT NULL PRIMARY KEY,
    payload     TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    fetched_at  TIMESTAMPTZ NOT NULL
);
