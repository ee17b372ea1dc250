package dev.atrium.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects what one logger writes while a test runs, with the request id from the MDC at the moment of
 * writing. Use it in try-with-resources so the handler is always removed.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    public record Entry(Level level, String message, Throwable thrown, String requestId, String logger) {
    }

    private final Logger logger;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** Everything every logger writes, through the root logger's handlers. */
    public static LogCapture all() {
        return new LogCapture("");
    }

    /** What one logger, named as in the log configuration, and those below it write ({@code "io.vertx"}, say). */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void publish(LogRecord record) {
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        entries.add(new Entry(record.getLevel(), message, record.getThrown(), requestId, record.getLoggerName()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
