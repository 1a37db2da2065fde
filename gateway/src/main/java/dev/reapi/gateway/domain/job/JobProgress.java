package dev.reapi.gateway.domain.job;

/**
 * How far a job got: {@code done} of {@code total} units (ids, records, pages).
 *
 * @param done units finished, 0..total
 * @param total units in all; 0 while unknown
 */
public record JobProgress(long done, long total) {

    /** No progress yet, total unknown. */
    public static final JobProgress NONE = new JobProgress(0, 0);

    public JobProgress {
        if (done < 0 || total < 0 || (total > 0 && done > total)) {
            throw new IllegalArgumentException(
                    "progress must satisfy 0 <= done <= total, was done="
                            + done
                            + " total="
                            + total);
        }
    }

    /** The finished fraction, 0.0 to 1.0; 0.0 while the total is unknown. */
    public double fraction() {
        return total == 0 ? 0.0 : (double) done / total;
    }
}
