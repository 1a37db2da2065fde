package dev.reapi.gateway.application.sync;

/**
 * A batch sync of the upstream's changes into the replica, whichever way the upstream publishes
 * them: {@link BatchSync} pages the v1 updated feed, {@link ChangeFileSync} reads the v2 daily
 * change files. The schedule and {@code reapi sync} run either through this interface.
 * Implementations are thread-safe and run one run at a time.
 */
public interface ReplicaSync {

    /**
     * Runs from {@code start} until there is nothing more to read.
     *
     * @param listener told after each committed page; an exception from it stops the run (the page
     *     stays committed) and is rethrown
     * @return the run's totals
     * @throws dev.reapi.gateway.application.port.out.UpstreamFailure when the upstream fails; what
     *     was committed stays, and the next run resumes after it
     */
    SyncProgress run(SyncStart start, SyncProgress.Listener listener);
}
