package dev.atrium.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.ClientAddress;
import dev.atrium.web.RateLimits;
import dev.atrium.web.RateLimits.Limit;
import io.agroal.api.AgroalDataSource;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits password checks (logins, and the current password asked again in settings) per account, on
 * {@link RateLimits}' shared counters. Each check is counted before the password is compared, so
 * concurrent guesses cannot all slip through before the count catches up; a correct password takes its own
 * use back.
 * <p>
 * The account is the account, whichever login (email or username) names it; a login that names no account
 * is counted by its text. Three counters: a strict one per account and client address, so guesses from one
 * place stop soon; a looser one per account, so that guesses spread over many addresses stop too, yet a
 * stranger elsewhere cannot lock the owner out with a few failures; and one per client address, across
 * accounts, against a spray of common passwords.
 */
@Singleton
class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    static final String PAIR = "password-pair";
    static final String ACCOUNT = "password-account";
    static final String ADDRESS = "password-address";

    private final RateLimits limits;
    private final int perAccountAndAddress;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    @Inject
    LoginThrottle(AtriumConfig config, RateLimits limits) {
        this(config.auth().loginAttemptsPerAccountAndAddress(), config.auth().loginAttemptsPerAccount(),
                config.auth().loginAttemptsPerAddress(), config.auth().loginWindow(), limits);
    }

    LoginThrottle(int perAccountAndAddress, int perAccount, int perAddress, Duration window, Clock clock,
            AgroalDataSource dataSource) {
        this(perAccountAndAddress, perAccount, perAddress, window, new RateLimits(dataSource, clock));
    }

    private LoginThrottle(int perAccountAndAddress, int perAccount, int perAddress, Duration window, RateLimits limits) {
        this.limits = limits;
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** The counting key of a login: its account's id, or for a login that names no account, its text. */
    static String accountKey(Optional<User> account, String login) {
        return account.map(user -> "id:" + user.id).orElseGet(() -> "login:" + (login == null ? "" : User.normalise(login)));
    }

    /** The counting key of a signed-in account, the same as its logins'. */
    private static String accountKey(User account) {
        return accountKey(Optional.of(account), null);
    }

    /** The client's address, as the trusted proxy saw it (see {@link ClientAddress}). */
    static String address(RoutingContext rc) {
        return ClientAddress.of(rc.request());
    }

    /**
     * Counts a password check for this account from this address, before it is made. Refused (nothing
     * counted) when a counter is used up: the caller must not check the password then.
     */
    RateLimits.Attempt attempt(String accountKey, String address) {
        String client = address == null ? "" : address;
        return limits.attempt(new Limit(PAIR, accountKey + "|" + client, perAccountAndAddress, window),
                new Limit(ACCOUNT, accountKey, perAccount, window),
                new Limit(ADDRESS, client, perAddress, window));
    }

    /**
     * Counts a login's password check before it is made, or answers 429 (with Retry-After and the error page)
     * when a counter is used up. The login may name no account.
     */
    Counted countLogin(Optional<User> account, String login, RoutingContext rc) {
        return count(accountKey(account, login), address(rc));
    }

    /**
     * Counts a check of a signed-in account's current password, asked again before a change in settings, as a
     * login is counted: a session left open must not be a way to guess the password.
     */
    Counted countCurrentPassword(User account, RoutingContext rc) {
        return count(accountKey(account), address(rc));
    }

    private Counted count(String accountKey, String address) {
        RateLimits.Attempt attempt = attempt(accountKey, address);
        if (attempt.refused()) {
            LOG.infof("Password checks throttled for %s", address);
            throw TooManyRequests.passwordChecks(attempt.retryAfter().orElseThrow());
        }
        return new Counted(attempt, accountKey, address);
    }

    /** A password check counted before it was made: {@link #passed} once the password proved right. */
    final class Counted {
        private final RateLimits.Attempt attempt;
        private final String accountKey;
        private final String address;

        private Counted(RateLimits.Attempt attempt, String accountKey, String address) {
            this.attempt = attempt;
            this.accountKey = accountKey;
            this.address = address;
        }

        void passed() {
            succeeded(attempt, accountKey, address);
        }
    }

    /**
     * The password was right: the check takes its own use back from every counter, and the account's
     * failures from this address are forgiven. Failures elsewhere stay counted: one success must not reset
     * a stranger's guessing, nor a spray from this address at other accounts.
     */
    void succeeded(RateLimits.Attempt attempt, String accountKey, String address) {
        limits.takeBack(attempt);
        limits.clear(PAIR, accountKey + "|" + (address == null ? "" : address));
    }
}
