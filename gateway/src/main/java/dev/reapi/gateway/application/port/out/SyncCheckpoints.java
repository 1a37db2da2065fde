package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import java.util.Optional;

/**
 * Reads batch-sync checkpoints; they are written by {@link ChangeLog#commit} together with the page
 * they describe. Implementations are thread-safe.
 */
public interface SyncCheckpoints {

    /** The checkpoint called {@code name}, or empty before the first committed page. */
    Optional<SyncCheckpoint> find(String name);
}
