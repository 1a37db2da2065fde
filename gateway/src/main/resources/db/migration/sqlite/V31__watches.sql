-- Watches: a user follows properties or a saved search. Times are epoch milliseconds.

-- kind is property (property_id set, criteria NULL) or search (criteria set: the saved search's
-- location and filters as JSON, property_id NULL). A user watches a property at most once; NULLs
-- are distinct, so saved searches are not constrained by the unique key.
CREATE TABLE watches (
    id           TEXT    NOT NULL PRIMARY KEY,
    user_id      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    property_id  TEXT,
    criteria     TEXT,
    callback_url TEXT,
    created_at   INTEGER NOT NULL,
    UNIQUE (user_id, property_id)
);

CREATE INDEX watches_by_property ON watches (property_id);
CREATE INDEX watches_by_user ON watches (user_id, id);
CREATE INDEX watches_by_kind ON watches (kind);

-- The properties each saved search last contained, so that entering and leaving are decided
-- against what was last known rather than against the property's previous version.
CREATE TABLE watch_members (
    watch_id    TEXT NOT NULL,
    property_id TEXT NOT NULL,
    PRIMARY KEY (watch_id, property_id)
);

CREATE INDEX watch_members_by_property ON watch_members (property_id);
