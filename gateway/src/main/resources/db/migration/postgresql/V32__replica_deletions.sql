-- Deletions found by full batch syncs.
-- last_seen_at: the start of the last full run whose feed contained the property.
-- deleted_at: when a full run finished without seeing it; NULL while the property exists.
ALTER TABLE replica_properties ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE replica_properties ADD COLUMN deleted_at TIMESTAMPTZ;

CREATE INDEX replica_properties_sweep ON replica_properties (deleted_at, last_seen_at);

-- The start of a full run in progress, so that a run resumed after a crash sweeps with the start
-- its earlier pages were marked with. The row is removed when the run finishes.
CREATE TABLE sync_full_runs (
    name       TEXT        NOT NULL PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);
