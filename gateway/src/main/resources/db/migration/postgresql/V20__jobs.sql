-- Asynchronous jobs and db-scheduler's executions.

-- db-scheduler's table, in its PostgreSQL layout; one row per due or running execution.
CREATE TABLE scheduled_tasks (
    task_name            TEXT        NOT NULL,
    task_instance        TEXT        NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time);

-- One row per job; the owner is the only user who sees it. Results above the inline limit live
-- in a file under the data directory and only its name is stored here.
CREATE TABLE jobs (
    id              TEXT        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    params          TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    progress_done   BIGINT      NOT NULL DEFAULT 0,
    progress_total  BIGINT      NOT NULL DEFAULT 0,
    attempts        INT         NOT NULL DEFAULT 0,
    max_attempts    INT         NOT NULL,
    run             INT         NOT NULL DEFAULT 1,
    callback_url    TEXT,
    idempotency_key TEXT,
    fingerprint     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,
    result_json     TEXT,
    result_format   TEXT,
    result_file     TEXT,
    result_rows     BIGINT,
    result_bytes    BIGINT,
    error_code      TEXT,
    error_message   TEXT
);

CREATE UNIQUE INDEX jobs_user_idempotency_key ON jobs (user_id, idempotency_key);
CREATE INDEX jobs_user_created ON jobs (user_id, created_at DESC, id DESC);
