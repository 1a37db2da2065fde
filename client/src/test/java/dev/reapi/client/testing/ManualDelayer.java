package dev.reapi.client.testing;

import dev.reapi.client.internal.Delayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A delayer that records every requested delay. In immediate mode it runs tasks at once on the
 * calling thread (and advances the clock, if any, by the delay); otherwise it holds them until
 * {@link #runAll()}. Thread-safe.
 */
public final class ManualDelayer implements Delayer {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private final boolean immediate;
    private final MutableClock clock;

    private ManualDelayer(boolean immediate, MutableClock clock) {
        this.immediate = immediate;
        this.clock = clock;
    }

    /** Runs each task at once, advancing {@code clock} by its delay first. */
    public static ManualDelayer immediate(MutableClock clock) {
        return new ManualDelayer(true, clock);
    }

    /** Holds tasks until {@link #runAll()}. */
    public static ManualDelayer held(MutableClock clock) {
        return new ManualDelayer(false, clock);
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        delays.add(delay);
        if (immediate) {
            clock.advance(delay);
            task.run();
        } else {
            synchronized (held) {
                held.add(task);
            }
        }
    }

    /** Runs the held tasks, including those they schedule. */
    public void runAll() {
        while (true) {
            List<Runnable> batch;
            synchronized (held) {
                if (held.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(held);
                held.clear();
            }
            batch.forEach(Runnable::run);
        }
    }

    /** Runs the tasks held now; those they schedule stay held. */
    public void runHeld() {
        List<Runnable> batch;
        synchronized (held) {
            batch = new ArrayList<>(held);
            held.clear();
        }
        batch.forEach(Runnable::run);
    }

    /** Tasks waiting for {@link #runAll()}. */
    public int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Every delay asked for, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }
}
