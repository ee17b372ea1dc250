package dev.atrium.auth;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checking and changing what signs an account in: the password at login, a password change, and ending
 * every session. Whoever knew an old password may hold sessions or tokens, so setting a new one ends them all.
 */
@ApplicationScoped
class Credentials {

    private static final Logger LOG = Logger.getLogger(Credentials.class);

    private final PasswordPolicy passwords;
    private final ApiTokenService apiTokens;
    private final Clock clock = Clock.systemUTC();

    Credentials(PasswordPolicy passwords, ApiTokenService apiTokens) {
        this.passwords = passwords;
        this.apiTokens = apiTokens;
    }

    /** The account a login (email or username) names, read in a short transaction of its own. */
    public Optional<User> byLogin(String login) {
        return login == null || login.isBlank() ? Optional.empty()
                : QuarkusTransaction.joiningExisting().call(() -> User.findByLogin(login));
    }

    /**
     * The account read by {@link #byLogin}, if this is its password (and it is not disabled), spending the same
     * time whether or not there is an account. The login throttle counts the attempt against that account
     * before the password is checked. Not one transaction: the account was read in a short one, and the slow
     * bcrypt comparison runs after it, so a burst of logins does not hold every pooled connection while hashing.
     */
    public Optional<User> authenticate(Optional<User> user, String password) {
        if (user.isEmpty()) {
            passwords.matchNothing(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, user.get().passwordHash) || user.get().disabled) {
            return Optional.empty();
        }
        if (passwords.needsUpgrade(password, user.get().passwordHash)) {
            upgradeHash(user.get(), password);
        }
        return user;
    }

    /**
     * Replaces a hash of the old kind, or one made at a lower cost, with one of the current kind and cost, now that
     * the password is at hand. Only the hash changes: not the password version, so links and sessions stay valid.
     * The update names the old hash, so a password changed meanwhile is never overwritten.
     */
    private void upgradeHash(User user, String password) {
        String upgraded = passwords.hash(password);
        int updated = QuarkusTransaction.requiringNew().call(() -> User.update("passwordHash = ?1 where id = ?2 and passwordHash = ?3",
                upgraded, user.id, user.passwordHash));
        if (updated == 1) {
            user.passwordHash = upgraded;
            LOG.infof("Account %d's password hash was upgraded to the pre-hashed kind", user.id);
        }
    }

    /**
     * Sets a new password after checking the current one; reset and email-change links issued before are void,
     * every session ends and every API token is revoked. Returns the account's new session version, for the
     * caller to start the user's current session again under it; empty when the current password is wrong.
     */
    @Transactional
    public OptionalLong changePassword(String username, String currentPassword, String newPassword) {
        User user = User.lockByUsername(username).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            return OptionalLong.empty();
        }
        setPassword(user, newPassword);
        return OptionalLong.of(user.sessionVersion);
    }

    /**
     * Runs {@code change} if {@code password} is the account's password, in one transaction with the account's
     * row locked: a password change that runs at the same moment comes wholly before (and {@code change} is
     * refused, or undone by it, as for an API token) or wholly after. Checking first and acting in a second
     * transaction let a token made with the old password outlive the change that should have revoked it.
     */
    @Transactional
    public <T> Optional<T> withPassword(String username, String password, Function<User, T> change) {
        User user = User.lockByUsername(username).orElseThrow();
        return passwords.matches(password, user.passwordHash) ? Optional.ofNullable(change.apply(user)) : Optional.empty();
    }

    /** "Log out everywhere": every session of the account ends, on every replica, at its next request. */
    @Transactional
    public void endAllSessions(String username) {
        User user = User.lockByUsername(username).orElseThrow();
        user.sessionVersion++;
        LOG.infof("Account %d logged out everywhere", user.id);
    }

    /**
     * Whoever knew the old password may have sessions or tokens: after a change or a reset, every session
     * ends (a new session version) and every API token is revoked. The new password version voids reset and
     * email-change links. Runs in the caller's transaction, which holds the account's row locked.
     */
    void setPassword(User user, String newPassword) {
        user.passwordHash = passwords.hash(newPassword);
        user.passwordChangedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        user.sessionVersion++;
        int revoked = apiTokens.revokeAll(user.id);
        LOG.infof("Account %d changed its password; its sessions ended and %d API tokens were revoked", user.id, revoked);
    }
}
