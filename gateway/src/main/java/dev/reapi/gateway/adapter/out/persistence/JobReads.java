package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobProgress;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.job.JobType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The job store's reads: one job by id, a user's jobs page by page, and the mapping of a {@code
 * jobs} row to a {@link Job} that reads and {@code RETURNING} writes share.
 */
final class JobReads {

    /** The columns {@link #map} reads, in order; for {@code SELECT} and {@code RETURNING}. */
    static final String COLUMNS =
            """
            id, user_id, type, params, status, progress_done, progress_total, attempts,
            max_attempts, run, callback_url, created_at, updated_at, started_at, finished_at,
            next_attempt_at, result_json, result_format, result_file, result_rows, result_bytes,
            error_code, error_message
            """;

    private JobReads() {}

    static Optional<Job> find(Handle handle, JobId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** One page of the user's jobs, newest first, and the cursor of the next if there is one. */
    static JobPage page(Jdbi jdbi, String userId, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100, was " + limit);
        }
        Optional<Cursor> after = cursor.map(Cursor::decode);
        List<Job> rows =
                jdbi.withHandle(
                        handle -> {
                            Query query =
                                    handle.createQuery(
                                            "SELECT "
                                                    + COLUMNS
                                                    + " FROM jobs WHERE user_id = :user"
                                                    + (after.isPresent()
                                                            ? " AND (created_at < :at OR"
                                                                    + " (created_at = :at AND id <"
                                                                    + " :id))"
                                                            : "")
                                                    + " ORDER BY created_at DESC, id DESC LIMIT"
                                                    + " :limit");
                            query.bind("user", userId).bind("limit", limit + 1);
                            after.ifPresent(
                                    c ->
                                            query.bind("at", Timestamp.from(c.createdAt()))
                                                    .bind("id", c.id()));
                            return query.map((rs, ctx) -> map(rs)).list();
                        });
        if (rows.size() <= limit) {
            return new JobPage(rows, Optional.empty());
        }
        List<Job> page = new ArrayList<>(rows.subList(0, limit));
        Job last = page.getLast();
        return new JobPage(
                page, Optional.of(new Cursor(last.createdAt(), last.id().value()).encode()));
    }

    static Job map(ResultSet rs) throws SQLException {
        return new Job(
                new JobId(rs.getString("id")),
                rs.getString("user_id"),
                JobType.fromKey(rs.getString("type")).orElseThrow(),
                rs.getString("params"),
                JobStatus.fromKey(rs.getString("status")).orElseThrow(),
                new JobProgress(rs.getLong("progress_done"), rs.getLong("progress_total")),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                rs.getInt("run"),
                Optional.ofNullable(rs.getString("callback_url")),
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "updated_at").orElseThrow(),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "next_attempt_at"),
                result(rs),
                error(rs));
    }

    private static Optional<JobError> error(ResultSet rs) throws SQLException {
        String code = rs.getString("error_code");
        String message = rs.getString("error_message");
        return code == null
                ? Optional.empty()
                : Optional.of(new JobError(code, message == null ? "" : message));
    }

    private static Optional<JobResult> result(ResultSet rs) throws SQLException {
        String json = rs.getString("result_json");
        if (json != null) {
            return Optional.of(new JobResult.Inline(json));
        }
        String file = rs.getString("result_file");
        if (file != null) {
            return Optional.of(
                    new JobResult.File(
                            ExportFormat.fromKey(rs.getString("result_format")).orElseThrow(),
                            file,
                            rs.getLong("result_rows"),
                            rs.getLong("result_bytes")));
        }
        return Optional.empty();
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return Optional.ofNullable(value).map(Timestamp::toInstant);
    }

    /** Keyset position in a user's job list: the last row's creation time and id. */
    private record Cursor(Instant createdAt, String id) {

        String encode() {
            String raw = createdAt.toEpochMilli() + ":" + id;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Cursor(
                        Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                        new JobId(raw.substring(colon + 1)).value());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        "cursor is not one this gateway issued: " + cursor, e);
            }
        }
    }
}
