package dev.reapi.gateway.domain.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a file result's rows are encoded. */
public enum ExportFormat {
    /** One JSON object per line; media type {@code application/x-ndjson}. */
    NDJSON("application/x-ndjson"),
    /** RFC 4180 comma-separated values with a header row; media type {@code text/csv}. */
    CSV("text/csv");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type a page of this format is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The name used in the API, e.g. {@code csv}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code key}, if any. */
    public static Optional<ExportFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
