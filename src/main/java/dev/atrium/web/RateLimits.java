package dev.atrium.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Counters for everything that must not be done too often: password checks, account emails. Each counter
 * is an action and a key within it ("login-pair", "42|198.51.100.7"), counted in fixed windows in
 * PostgreSQL ({@code rate_limits}), so every replica meets the same limit.
 * <p>
 * A use is counted <em>before</em> the work it guards, and the caller learns the count its own use made:
 * one atomic increment per counter, so N concurrent requests see N different counts and only as many as the
 * limit go ahead, however they interleave. A refused attempt takes back what it counted, so requests that
 * were refused (and did nothing) do not use up any other counter they share.
 */
@Singleton
public class RateLimits {

    private static final int MAX_KEY = 300;
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

    /** A counter: {@code max} uses of {@code action} for {@code key} in each {@code window}. */
    public record Limit(String action, String key, int max, Duration window) {
        public Limit {
            key = key == null ? "" : key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
        }
    }

    /** One counted use: the window it went into, so that it can be taken back from that window only. */
    private record Use(Limit limit, OffsetDateTime resetsAt) {
    }

    /** The outcome of {@link #attempt}: allowed (its uses counted), or refused with how long to wait. */
    public static final class Attempt {
        private final List<Use> uses;
        private final Duration retryAfter;

        private Attempt(List<Use> uses, Duration retryAfter) {
            this.uses = uses;
            this.retryAfter = retryAfter;
        }

        public boolean refused() {
            return retryAfter != null;
        }

        /** How long until the counter that refused allows a use again; empty when allowed. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    @Inject
    RateLimits(AgroalDataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public RateLimits(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Counts one use on each limit, in order. The first limit whose count goes over its maximum refuses the
     * attempt: the uses counted so far are taken back and the later limits are not counted at all.
     */
    public Attempt attempt(Limit... limits) {
        List<Use> uses = new ArrayList<>();
        for (Limit limit : limits) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Counted counted = count(limit, now);
            uses.add(new Use(limit, counted.resetsAt()));
            if (counted.hits() > limit.max()) {
                takeBack(uses);
                Duration wait = Duration.between(now, counted.resetsAt().toInstant());
                return new Attempt(List.of(), wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
            }
        }
        return new Attempt(List.copyOf(uses), null);
    }

    /** Takes back the uses an allowed attempt counted, from the windows they went into (a success, say). */
    public void takeBack(Attempt attempt) {
        takeBack(attempt.uses);
    }

    /**
     * Forgets the count of one key: its next use starts a new window. The window is ended rather than the row
     * deleted, so uses being counted at the same moment find their row (the clean-up below deletes it later).
     */
    public void clear(String action, String key) {
        Limit limit = new Limit(action, key, 0, Duration.ZERO);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement end = connection.prepareStatement(END_WINDOW)) {
            end.setObject(1, utc(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            end.setString(2, limit.action());
            end.setString(3, limit.key());
            end.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear a rate limit", e);
        }
    }

    /** Ended windows count for nothing; they are deleted now and then so the table stays small. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedWindows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from rate_limits where resets_at <= ?")) {
            delete.setObject(1, utc(clock.instant()));
            delete.executeUpdate();
        }
    }

    private record Counted(int hits, OffsetDateTime resetsAt) {
    }

    /** How often a use is tried again when its row goes between the insert and the increment. */
    private static final int TRIES = 5;

    private Counted count(Limit limit, Instant now) {
        // A row can go between the insert and the increment, when the clean-up deletes it as an ended window:
        // then it is started again (concurrent logins to one account once met a 500 here, when a correct
        // password's clear deleted the row).
        for (int tries = 0; tries < TRIES; tries++) {
            Optional<Counted> counted = countExisting(limit, now);
            if (counted.isPresent()) {
                return counted.get();
            }
            start(limit, now);
        }
        throw new IllegalStateException("A rate limit row vanished " + TRIES + " times in a row");
    }

    /** First use of the key: a row at 0 (or someone else's, if they got there first); then count as usual. */
    private void start(Limit limit, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement start = connection.prepareStatement(START)) {
            start.setString(1, limit.action());
            start.setString(2, limit.key());
            start.setObject(3, utc(now.plus(limit.window())));
            start.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not count a use of " + limit.action(), e);
            }
        }
    }

    /** The increment and the read of its result in one short transaction of their own. */
    private Optional<Counted> countExisting(Limit limit, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement(COUNT);
                    PreparedStatement read = connection.prepareStatement(READ)) {
                count.setObject(1, utc(now));
                count.setObject(2, utc(now));
                count.setObject(3, utc(now.plus(limit.window())));
                count.setString(4, limit.action());
                count.setString(5, limit.key());
                if (count.executeUpdate() == 0) {
                    return Optional.<Counted> empty();
                }
                read.setString(1, limit.action());
                read.setString(2, limit.key());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return Optional.of(new Counted(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count a use of " + limit.action(), e);
            }
        });
    }

    private void takeBack(List<Use> uses) {
        if (uses.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK)) {
            for (Use use : uses) {
                takeBack.setString(1, use.limit().action());
                takeBack.setString(2, use.limit().key());
                takeBack.setObject(3, use.resetsAt());
                takeBack.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take back a counted use", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
