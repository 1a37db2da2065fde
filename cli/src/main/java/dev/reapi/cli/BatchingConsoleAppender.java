package dev.reapi.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logback appender for a log written once per request, such as the access log: the logging thread
 * encodes its line and queues the bytes; one background thread writes every queued line to standard
 * output in one write, then waits {@code flushIntervalMillis} (default 5) before the next. Requests
 * never wait for output and never wake the writer, which is what a line per request cost with an
 * asynchronous appender that writes and flushes each line on its own.
 *
 * <p>A line reaches the output at most about one interval after it was logged. When the queue
 * ({@code queueSize} lines, default 8192) is full because the output is slower than the requests,
 * new lines are dropped and the writer logs one WARN with their count per batch. {@link #stop}
 * writes what is queued. Thread-safe.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingConsoleAppender.class);
    private static final long STOP_WAIT_MILLIS = 1_000;

    private final OutputStream out;
    private final AtomicLong dropped = new AtomicLong();
    private @Nullable Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;
    private long flushIntervalMillis = 5;
    private @Nullable ArrayBlockingQueue<byte[]> queue;
    private @Nullable Thread writer;
    private volatile boolean running;

    /** An appender writing to {@link System#out}, as logback creates it. */
    public BatchingConsoleAppender() {
        this(System.out);
    }

    /** An appender writing to {@code out}; for tests. */
    BatchingConsoleAppender(OutputStream out) {
        this.out = out;
    }

    /** Sets how each event becomes bytes; required. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** Sets how many lines may wait for the writer before new ones are dropped; default 8192. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** Sets how long the writer waits between two writes, in milliseconds; default 5. */
    public void setFlushIntervalMillis(long flushIntervalMillis) {
        this.flushIntervalMillis = flushIntervalMillis;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder set for the appender named [" + name + "]");
            return;
        }
        if (queueSize < 1 || flushIntervalMillis < 1) {
            addError(
                    "queueSize and flushIntervalMillis must be at least 1, were "
                            + queueSize
                            + " and "
                            + flushIntervalMillis);
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        running = true;
        Thread thread = new Thread(this::writeLoop, "log-writer-" + name);
        thread.setDaemon(true);
        writer = thread;
        super.start();
        thread.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        Thread thread = writer;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        Encoder<ILoggingEvent> lines = encoder;
        ArrayBlockingQueue<byte[]> waiting = queue;
        if (lines == null || waiting == null) {
            return;
        }
        // Encoders are thread-safe: logback's own appenders encode outside their lock.
        if (!waiting.offer(lines.encode(event))) {
            dropped.incrementAndGet();
        }
    }

    /** Writes what has queued, waits an interval, and again until stopped; then writes the rest. */
    private void writeLoop() {
        List<byte[]> batch = new ArrayList<>();
        var buffer = new ByteArrayOutputStream(64 * 1024);
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(flushIntervalMillis);
        while (running) {
            LockSupport.parkNanos(this, intervalNanos);
            writeQueued(batch, buffer);
        }
        writeQueued(batch, buffer);
    }

    private void writeQueued(List<byte[]> batch, ByteArrayOutputStream buffer) {
        ArrayBlockingQueue<byte[]> waiting = queue;
        if (waiting == null) {
            return;
        }
        while (waiting.drainTo(batch) > 0) {
            buffer.reset();
            for (byte[] line : batch) {
                buffer.writeBytes(line);
            }
            batch.clear();
            try {
                buffer.writeTo(out);
                out.flush();
            } catch (IOException e) {
                addError("could not write log lines of appender [" + name + "]", e);
            }
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn(
                    "Dropped {} lines of log appender {}: its output is slower than they come",
                    lost,
                    name);
        }
    }
}
