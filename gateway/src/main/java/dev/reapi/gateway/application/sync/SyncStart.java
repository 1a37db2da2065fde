package dev.reapi.gateway.application.sync;

import java.time.Instant;
import java.util.Objects;

/** Where a run of a {@link ReplicaSync} starts. */
public sealed interface SyncStart {

    /** Everything the upstream offers: its whole feed (v1) or every day it keeps (v2). */
    static SyncStart full() {
        return new Since(Instant.EPOCH);
    }

    /** Changes at or after {@code since}. */
    static SyncStart since(Instant since) {
        return new Since(since);
    }

    /** Continue an interrupted run, else go on from where the last run ended. */
    static SyncStart resume() {
        return new Resume();
    }

    /** From an explicit instant; {@link Instant#EPOCH} is a full run. */
    record Since(Instant since) implements SyncStart {

        public Since {
            Objects.requireNonNull(since, "since");
        }

        /** Whether this asks for everything. */
        public boolean full() {
            return since.equals(Instant.EPOCH);
        }
    }

    /** From the checkpoint. */
    record Resume() implements SyncStart {}
}
