package dev.atrium.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves buffered page views into {@code page_views} in batches ({@link PageViewTable}), on a timer and once
 * more at shutdown (after in-flight requests have finished), so every view served is written. A batch the
 * database refused is kept and retried first; while it waits, the bounded buffer takes the strain and drops
 * what overflows.
 */
@Singleton
public class PageViewWriter {

    private static final Logger LOG = Logger.getLogger(PageViewWriter.class);

    private final PageViewBuffer buffer;
    private final DailySalts salts;
    private final PageViewTable table;
    private final int batchSize;
    private List<PageView> retry = List.of();

    PageViewWriter(PageViewBuffer buffer, DailySalts salts, PageViewTable table, AtriumConfig config) {
        this.buffer = buffer;
        this.salts = salts;
        this.table = table;
        this.batchSize = config.analytics().batchSize();
    }

    @Scheduled(every = "${atrium.analytics.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        flushQuietly();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        int written = flushQuietly();
        LOG.debugf("Wrote %d page views at shutdown", written);
    }

    private int flushQuietly() {
        try {
            return flush();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Page views not written yet (%d waiting), will retry: %s", buffer.size() + retry.size(), e.getMessage());
            return 0;
        }
    }

    /** Writes everything buffered so far; returns how many views were written. */
    public synchronized int flush() throws SQLException {
        int written = 0;
        while (true) {
            List<PageView> batch = retry.isEmpty() ? buffer.take(batchSize) : retry;
            if (batch.isEmpty()) {
                return written;
            }
            retry = batch;
            write(batch);
            retry = List.of();
            buffer.written(batch.size());
            written += batch.size();
            if (batch.size() < batchSize) {
                return written;
            }
        }
    }

    private void write(List<PageView> batch) throws SQLException {
        List<PageViewTable.Row> rows = new ArrayList<>(batch.size());
        for (PageView view : batch) {
            OffsetDateTime at = view.at().atOffset(ZoneOffset.UTC);
            LocalDate day = at.toLocalDate();
            rows.add(new PageViewTable.Row(at, day, view.path(), view.referrerHost(), view.browser(), view.device(), view.status(),
                    visitor(salts.saltFor(day), view.address(), view.userAgent())));
        }
        table.insert(rows);
    }

    /** The day's pseudonym of a visitor: SHA-256 over the day's salt, the client address and the user agent. */
    static String visitor(String salt, String address, String userAgent) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(address.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(userAgent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
