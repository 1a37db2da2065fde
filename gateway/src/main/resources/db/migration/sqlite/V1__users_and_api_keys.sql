-- Users and their API keys. Times are epoch milliseconds (what sqlite-jdbc stores for a
-- timestamp); flags are 0 or 1.
CREATE TABLE users (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    plan       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Only a hash of each key is kept; the prefix is the key's public, loggable part.
CREATE TABLE api_keys (
    prefix     TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id),
    hash       TEXT    NOT NULL,
    admin      BOOLEAN NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE INDEX api_keys_user_id ON api_keys (user_id);
