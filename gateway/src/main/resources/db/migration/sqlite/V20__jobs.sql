-- Asynchronous jobs and db-scheduler's executions. Times are epoch milliseconds.

-- db-scheduler's table, in its SQLite layout; one row per due or running execution.
CREATE TABLE scheduled_tasks (
    task_name            TEXT     NOT NULL,
    task_instance        TEXT     NOT NULL,
    task_data            BLOB,
    execution_time       INTEGER  NOT NULL,
    picked               BOOLEAN  NOT NULL,
    picked_by            TEXT,
    last_success         INTEGER,
    last_failure         INTEGER,
    consecutive_failures INTEGER,
    last_heartbeat       INTEGER,
    version              BIGINT   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time);

-- One row per job; the owner is the only user who sees it. Results above the inline limit live
-- in a file under the data directory and only its name is stored here.
CREATE TABLE jobs (
    id              TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    params          TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    progress_done   INTEGER NOT NULL DEFAULT 0,
    progress_total  INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    max_attempts    INTEGER NOT NULL,
    run             INTEGER NOT NULL DEFAULT 1,
    callback_url    TEXT,
    idempotency_key TEXT,
    fingerprint     TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    started_at      INTEGER,
    finished_at     INTEGER,
    next_attempt_at INTEGER,
    result_json     TEXT,
    result_format   TEXT,
    result_file     TEXT,
    result_rows     INTEGER,
    result_bytes    INTEGER,
    error_code      TEXT,
    error_message   TEXT
);

CREATE UNIQUE INDEX jobs_user_idempotency_key ON jobs (user_id, idempotency_key);
CREATE INDEX jobs_user_created ON jobs (user_id, created_at DESC, id DESC);
