package dev.reapi.gateway.application.sync;

import java.time.Duration;

/**
 * Where a batch sync run stands after a committed page.
 *
 * @param pages pages committed in this run
 * @param properties properties received in this run
 * @param changes tracked-field changes newly recorded in this run
 * @param elapsed time since the run started
 */
public record SyncProgress(long pages, long properties, long changes, Duration elapsed) {

    public SyncProgress {
        if (pages < 0 || properties < 0 || changes < 0) {
            throw new IllegalArgumentException(
                    "progress counts must be >= 0, were "
                            + pages
                            + "/"
                            + properties
                            + "/"
                            + changes);
        }
    }

    /** Properties per second so far; 0 before the first millisecond. */
    public double rate() {
        long millis = elapsed.toMillis();
        return millis == 0 ? 0 : properties * 1000.0 / millis;
    }

    /** Told after each committed page; throwing stops the run after that page. */
    @FunctionalInterface
    public interface Listener {

        /** Called on the syncing thread after {@code progress}'s last page was committed. */
        void pageCommitted(SyncProgress progress);

        /** A listener that does nothing. */
        static Listener none() {
            return progress -> {};
        }
    }
}
