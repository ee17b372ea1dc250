package dev.atrium.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts failed logins per account and per client address in fixed windows, and says how long to wait once
 * either has had too many. The counts live in PostgreSQL ({@code login_failures}), shared by every replica:
 * behind a load balancer, guesses spread over N replicas still meet one limit. A login costs one read; only
 * a failure writes.
 */
@Singleton
public class LoginThrottle {

    private static final int MAX_KEY = 300;
    private static final String UNIQUE_VIOLATION = "23505";
    /** One statement per failure, atomic under concurrent failures: a new or expired window starts at 1. */
    private static final String COUNT = "merge into login_failures f"
            + " using (select cast(? as varchar(300)) as throttle_key, cast(? as timestamp with time zone) as now_at) v"
            + " on f.throttle_key = v.throttle_key"
            + " when matched and f.window_start > ? then update set failures = f.failures + 1"
            + " when matched then update set window_start = v.now_at, failures = 1"
            + " when not matched then insert (throttle_key, window_start, failures) values (v.throttle_key, v.now_at, 1)";

    private record Window(Instant start, int failures) {
    }

    private final AgroalDataSource dataSource;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;

    @Inject
    LoginThrottle(AtriumConfig config, AgroalDataSource dataSource) {
        this(config.auth().loginAttemptsPerAccount(), config.auth().loginAttemptsPerAddress(),
                config.auth().loginWindow(), Clock.systemUTC(), dataSource);
    }

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock, AgroalDataSource dataSource) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** How long to wait before trying again, if this account or address has used up its attempts. */
    public Optional<Duration> retryAfter(String login, String address) {
        Instant now = clock.instant();
        Map<String, Window> windows = read(accountKey(login), addressKey(address));
        Optional<Duration> account = wait(windows.get(accountKey(login)), perAccount, now);
        Optional<Duration> client = wait(windows.get(addressKey(address)), perAddress, now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            for (String key : new String[] { accountKey(login), addressKey(address) }) {
                count.setString(1, key);
                count.setObject(2, utc(now));
                count.setObject(3, utc(now.minus(window)));
                try {
                    count.executeUpdate();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // a concurrent failure inserted the key first: this one now finds it and counts on
                    count.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a failed login", e);
        }
    }

    /** A successful login clears the account's count (not the address's: one success must not reset a spray). */
    public void succeeded(String login) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from login_failures where throttle_key = ?")) {
            delete.setString(1, accountKey(login));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear failed logins", e);
        }
    }

    /** Windows that have ended count for nothing; they are deleted now and then so the table stays small. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedWindows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from login_failures where window_start <= ?")) {
            delete.setObject(1, utc(clock.instant().minus(window)));
            delete.executeUpdate();
        }
    }

    private Map<String, Window> read(String accountKey, String addressKey) {
        Map<String, Window> windows = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select throttle_key, window_start, failures from login_failures where throttle_key in (?, ?)")) {
            select.setString(1, accountKey);
            select.setString(2, addressKey);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    windows.put(rs.getString(1), new Window(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read failed logins", e);
        }
        return windows;
    }

    private Optional<Duration> wait(Window w, int limit, Instant now) {
        if (w == null || w.failures() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, w.start().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String accountKey(String login) {
        return truncated("account:" + (login == null ? "" : User.normalise(login)));
    }

    private static String addressKey(String address) {
        return truncated("address:" + (address == null ? "" : address));
    }

    private static String truncated(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
