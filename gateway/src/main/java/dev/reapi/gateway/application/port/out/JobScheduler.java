package dev.reapi.gateway.application.port.out;

/**
 * The engine that runs due job executions. Executions themselves are written by {@link JobStore};
 * this port only asks the engine to look for them now rather than at its next poll. Implementations
 * are thread-safe.
 */
public interface JobScheduler {

    /** Asks this instance to check for due executions at once; a no-op when not running. */
    void wake();
}
