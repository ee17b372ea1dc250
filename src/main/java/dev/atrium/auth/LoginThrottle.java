package dev.atrium.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;

/**
 * Counts failed logins per account and per client address in fixed windows, and says how long to wait once
 * either has had too many. Counts live in this process: each replica throttles on its own, which bounds
 * guessing at (replicas x limit) per window, and keeps the login path free of a database write.
 */
@Singleton
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;

    @Inject
    LoginThrottle(AtriumConfig config) {
        this(config.auth().loginAttemptsPerAccount(), config.auth().loginAttemptsPerAddress(),
                config.auth().loginWindow(), Clock.systemUTC());
    }

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long to wait before trying again, if this account or address has used up its attempts. */
    public Optional<Duration> retryAfter(String login, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = wait(accountKey(login), perAccount, now);
        Optional<Duration> client = wait(addressKey(address), perAddress, now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        count(accountKey(login), now);
        count(addressKey(address), now);
    }

    /** A successful login clears the account's count (not the address's: one success must not reset a spray). */
    public void succeeded(String login) {
        windows.remove(accountKey(login));
    }

    private void count(String key, Instant now) {
        windows.compute(key, (k, w) -> w == null || !w.start().plus(window).isAfter(now)
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Window w = windows.get(key);
        if (w == null || w.failures() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, w.start().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static String accountKey(String login) {
        return "account:" + (login == null ? "" : User.normalise(login));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
