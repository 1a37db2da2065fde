package dev.reapi.gateway.domain.job;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a user's jobs, newest first.
 *
 * @param jobs the jobs on this page
 * @param nextCursor an opaque cursor for the next page; empty on the last page
 */
public record JobPage(List<Job> jobs, Optional<String> nextCursor) {

    public JobPage {
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
