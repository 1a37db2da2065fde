package dev.reapi.gateway.application.job;

import dev.reapi.gateway.domain.job.RetryPolicy;
import java.util.Objects;

/**
 * How jobs behave.
 *
 * @param retry attempts and backoff (default {@link RetryPolicy#DEFAULT}: 5 attempts)
 * @param maxInlineResultBytes largest result kept in the database, in UTF-8 bytes (default 1 MiB)
 * @param baseUrl the gateway's public base URL for links in answers and notifications, without a
 *     trailing slash, e.g. {@code https://gw.example.com}; empty for relative links
 */
public record JobSettings(RetryPolicy retry, int maxInlineResultBytes, String baseUrl) {

    /** The defaults: five attempts, 1 MiB inline results, relative links. */
    public static final JobSettings DEFAULT = new JobSettings(RetryPolicy.DEFAULT, 1 << 20, "");

    public JobSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (maxInlineResultBytes < 1024) {
            throw new IllegalArgumentException(
                    "maxInlineResultBytes must be >= 1024, was " + maxInlineResultBytes);
        }
        if (baseUrl.endsWith("/")) {
            throw new IllegalArgumentException(
                    "baseUrl must not end with '/', was '" + baseUrl + "'");
        }
    }

    /** The link to a job. */
    public String jobLink(String jobId) {
        return baseUrl + "/api/jobs/" + jobId;
    }
}
