package dev.reapi.client.internal;

import java.time.Duration;

/** Runs a task after a delay; the seam through which tests replace real waiting. */
@FunctionalInterface
public interface Delayer {

    /** Runs {@code task} once, {@code delay} from now, on some other thread. */
    void schedule(Runnable task, Duration delay);
}
