package dev.reapi.client.testing;

import dev.reapi.client.internal.Delayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A delayer that records every requested delay. In immediate mode it runs tasks at once on the
 * calling thread (and advances the clock, if any, by the delay); otherwise it holds them until
 * {@link #runAll()}, or until {@link #advance(Duration)} moves the clock past their due time.
 * Thread-safe.
 */
public final class ManualDelayer implements Delayer {

    private record Task(Runnable run, Instant due) {}

    private final List<Duration> delays = new ArrayList<>();
    private final List<Task> held = new ArrayList<>();
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
        synchronized (delays) {
            delays.add(delay);
        }
        if (immediate) {
            clock.advance(delay);
            task.run();
        } else {
            synchronized (held) {
                held.add(new Task(task, clock.instant().plus(delay)));
            }
        }
    }

    /** Runs the held tasks, including those they schedule. */
    public void runAll() {
        while (true) {
            List<Task> batch;
            synchronized (held) {
                if (held.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(held);
                held.clear();
            }
            batch.forEach(task -> task.run().run());
        }
    }

    /** Runs the tasks held now; those they schedule stay held. */
    public void runHeld() {
        List<Task> batch;
        synchronized (held) {
            batch = new ArrayList<>(held);
            held.clear();
        }
        batch.forEach(task -> task.run().run());
    }

    /**
     * Moves the clock forward by {@code duration}, running each held task when the clock reaches
     * its due time, earliest first (ties in the order they were scheduled), including tasks that
     * those schedule within the span.
     */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            Optional<Task> due;
            synchronized (held) {
                due =
                        held.stream()
                                .filter(task -> !task.due().isAfter(target))
                                .reduce((a, b) -> b.due().isBefore(a.due()) ? b : a);
                due.ifPresent(held::remove);
            }
            if (due.isEmpty()) {
                clock.advance(Duration.between(clock.instant(), target));
                return;
            }
            Task next = due.get();
            if (next.due().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due()));
            }
            next.run().run();
        }
    }

    /** Tasks waiting for {@link #runAll()}. */
    public int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Every delay asked for, in order. */
    public List<Duration> delays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }
}
