package dev.atrium.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code rate_limits} table (failed logins, account emails and the rest of {@link RateLimits}' counters),
 * in plain JDBC: every password check and account email counts here before its work, so each statement is one
 * short round trip on a row of its own, with no entity to load or dirty-check.
 */
final class RateLimitTable {

    private static final String UNIQUE_VIOLATION = "23505";
    /** The row lock it takes is held until the read after it, in the same transaction: the count read is this use's. */
    private static final String COUNT = "update rate_limits"
            + " set hits = case when resets_at > ? then hits + 1 else 1 end,"
            + " resets_at = case when resets_at > ? then resets_at else ? end"
            + " where action = ? and limit_key = ?";
    private static final String READ = "select hits, resets_at from rate_limits where action = ? and limit_key = ?";
    /** H2 in PostgreSQL mode knows {@code on conflict do nothing}, but not {@code do update}. */
    private static final String START = "insert into rate_limits (action, limit_key, resets_at, hits) values (?, ?, ?, 0)"
            + " on conflict do nothing";
    private static final String END_WINDOW = "update rate_limits set hits = 0, resets_at = ? where action = ? and limit_key = ?";
    private static final String TAKE_BACK = "update rate_limits set hits = hits - 1"
            + " where action = ? and limit_key = ? and resets_at = ? and hits > 0";
    private static final String DELETE_ENDED = "delete from rate_limits where resets_at <= ?";

    /** A counter's uses in its current window, and when that window ends. */
    record Counted(int hits, OffsetDateTime resetsAt) {
    }

    /** One counted use: the counter and the window it went into. */
    record Window(String action, String key, OffsetDateTime resetsAt) {
    }

    private final AgroalDataSource dataSource;

    RateLimitTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts a use on an existing row (a new window if the last one ended at {@code now}), and reads the count
     * this use made, in one short transaction of their own. Empty when the counter has no row yet.
     */
    Optional<Counted> increment(String action, String key, Instant now, Instant newWindowEnd) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement(COUNT);
                    PreparedStatement read = connection.prepareStatement(READ)) {
                count.setObject(1, utc(now));
                count.setObject(2, utc(now));
                count.setObject(3, utc(newWindowEnd));
                count.setString(4, action);
                count.setString(5, key);
                if (count.executeUpdate() == 0) {
                    return Optional.<Counted> empty();
                }
                read.setString(1, action);
                read.setString(2, key);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return Optional.of(new Counted(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count a use of " + action, e);
            }
        });
    }

    /** A row at 0 for a counter's first use; someone else's, if they got there first. */
    void start(String action, String key, Instant windowEnd) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement start = connection.prepareStatement(START)) {
            start.setString(1, action);
            start.setString(2, key);
            start.setObject(3, utc(windowEnd));
            start.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not count a use of " + action, e);
            }
        }
    }

    /** Takes back one use from each window, where that window is still the counter's current one. */
    void takeBack(List<Window> windows) {
        if (windows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK)) {
            for (Window window : windows) {
                takeBack.setString(1, window.action());
                takeBack.setString(2, window.key());
                takeBack.setObject(3, window.resetsAt());
                takeBack.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take back a counted use", e);
        }
    }

    /** Ends a counter's window at {@code now}, keeping its row. */
    void endWindow(String action, String key, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement end = connection.prepareStatement(END_WINDOW)) {
            end.setObject(1, utc(now));
            end.setString(2, action);
            end.setString(3, key);
            end.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear a rate limit", e);
        }
    }

    /** Deletes the rows of windows that ended by {@code now}. */
    void deleteEnded(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_ENDED)) {
            delete.setObject(1, utc(now));
            delete.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
