-- Users and their API keys.
CREATE TABLE users (
    id         TEXT        NOT NULL PRIMARY KEY,
    name       TEXT        NOT NULL UNIQUE,
    plan       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Only a hash of each key is kept; the prefix is the key's public, loggable part.
CREATE TABLE api_keys (
    prefix     TEXT        NOT NULL PRIMARY KEY,
    user_id    TEXT        NOT NULL REFERENCES users (id),
    hash       TEXT        NOT NULL,
    admin      BOOLEAN     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_keys_user_id ON api_keys (user_id);
