-- The last notification number given to each user. Appending a notification increments the
-- user's row in the appending transaction, so concurrent appends for one user queue on that row's
-- lock instead of colliding on outbox (user_id, seq) and starting over.
CREATE TABLE outbox_sequences (
    user_id  TEXT    NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);

INSERT INTO outbox_sequences (user_id, last_seq)
SELECT user_id, MAX(seq) FROM outbox GROUP BY user_id;
