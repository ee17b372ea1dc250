package dev.atrium.web;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Counters for everything that must not be done too often: password checks, account emails. Each counter
 * is an action and a key within it ("login-pair", "42|198.51.100.7"), counted in fixed windows in
 * PostgreSQL ({@code rate_limits}, through {@link RateLimitTable}), so every replica meets the same limit.
 * <p>
 * A use is counted <em>before</em> the work it guards, and the caller learns the count its own use made:
 * one atomic increment per counter, so N concurrent requests see N different counts and only as many as the
 * limit go ahead, however they interleave. A refused attempt takes back what it counted, so requests that
 * were refused (and did nothing) do not use up any other counter they share.
 */
@Singleton
public class RateLimits {

    private static final int MAX_KEY = 300;

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

    private final RateLimitTable table;
    private final Clock clock;

    @Inject
    RateLimits(AgroalDataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public RateLimits(AgroalDataSource dataSource, Clock clock) {
        this.table = new RateLimitTable(dataSource);
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
            RateLimitTable.Counted counted = count(limit, now);
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
        table.endWindow(limit.action(), limit.key(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Ended windows count for nothing; they are deleted now and then so the table stays small. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedWindows() throws SQLException {
        table.deleteEnded(clock.instant());
    }

    /** How often a use is tried again when its row goes between the insert and the increment. */
    private static final int TRIES = 5;

    private RateLimitTable.Counted count(Limit limit, Instant now) {
        // A row can go between the insert and the increment, when the clean-up deletes it as an ended window:
        // then it is started again (concurrent logins to one account once met a 500 here, when a correct
        // password's clear deleted the row).
        for (int tries = 0; tries < TRIES; tries++) {
            Optional<RateLimitTable.Counted> counted = table.increment(limit.action(), limit.key(), now, now.plus(limit.window()));
            if (counted.isPresent()) {
                return counted.get();
            }
            // first use of the key: a row at 0 (or someone else's, if they got there first); then count as usual
            table.start(limit.action(), limit.key(), now.plus(limit.window()));
        }
        throw new IllegalStateException("A rate limit row vanished " + TRIES + " times in a row");
    }

    private void takeBack(List<Use> uses) {
        table.takeBack(uses.stream().map(use -> new RateLimitTable.Window(use.limit().action(), use.limit().key(), use.resetsAt())).toList());
    }
}
