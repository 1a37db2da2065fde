package dev.reapi.client.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every event of the client's loggers at DEBUG and above while open. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.reapi.client");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    /** Starts capturing. */
    public LogCapture() {
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    /** The captured events so far. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Each captured line as it would be written, with any exception's message appended. */
    public List<String> lines() {
        return events().stream()
                .map(
                        e ->
                                e.getFormattedMessage()
                                        + (e.getThrowableProxy() == null
                                                ? ""
                                                : " " + e.getThrowableProxy().getMessage()))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
