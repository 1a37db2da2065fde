package dev.reapi.gateway.application.port.out;

import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The upstream's daily change files (v2): for each UTC day, a file of the properties added, one of
 * those modified and one of those deleted that day. Implementations are thread-safe and throw
 * {@link UpstreamFailure} for every failure except an expired link, which is {@link
 * ChangeFileLinkExpired}.
 */
public interface ChangeFiles {

    /**
     * The change files of {@code day}, new then modified then deleted, with fresh links.
     *
     * @return empty when the upstream has no files for the day (not published yet, or older than it
     *     keeps)
     */
    Optional<List<ChangeFile>> files(LocalDate day);

    /**
     * The rows of {@code file} in the file's order, read as the stream is consumed. Close the
     * stream to release the download. Failures surface from the stream's terminal operations too.
     *
     * @throws ChangeFileLinkExpired when the file's link has expired: ask {@link #files} again
     */
    Stream<ChangeRow> rows(ChangeFile file);
}
