package dev.atrium.auth;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import dev.atrium.cache.CachedValues;
import dev.atrium.config.AtriumConfig;
import dev.atrium.posts.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Accounts: creating them, confirming their email address and checking credentials. Other features ask
 * this class about users; they never touch {@link User} queries of their own.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    static final String CONFIRM = "confirm";
    static final String RESET = "reset";
    static final String CHANGE_EMAIL = "change-email";
    private static final String USERNAMES = "usernames";

    /** Which unique value was already taken. */
    public enum Taken {
        EMAIL, USERNAME
    }

    /** Thrown when an email or username is already in use, even when two registrations race. */
    public static class AlreadyTakenException extends RuntimeException {
        private final Taken taken;

        AlreadyTakenException(Taken taken) {
            super(taken + " already taken", null, false, false);
            this.taken = taken;
        }

        public Taken taken() {
            return taken;
        }
    }

    private final PasswordPolicy passwords;
    private final SignedTokens tokens;
    private final AtriumConfig config;
    private final Clock clock;
    private final Counter registrations;
    private final Cache usernameCache;
    private final ApiTokenService apiTokens;

    AccountService(PasswordPolicy passwords, SignedTokens tokens, AtriumConfig config, MeterRegistry registry,
            @CacheName(USERNAMES) Cache usernameCache, ApiTokenService apiTokens) {
        this.usernameCache = usernameCache;
        this.apiTokens = apiTokens;
        this.passwords = passwords;
        this.tokens = tokens;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.registrations = Counter.builder("atrium.registrations").description("Accounts registered").register(registry);
    }

    /**
     * Creates an unconfirmed account. The database's unique constraints decide races: the loser gets
     * {@link AlreadyTakenException}, never a second account.
     */
    @Transactional
    public User register(String email, String username, String password) {
        String normalisedEmail = User.normalise(email);
        String normalisedName = User.normalise(username);
        // hashed first, so that a taken address answers in the same time as a new one
        String passwordHash = passwords.hash(password);
        if (User.findByEmail(normalisedEmail).isPresent()) {
            throw new AlreadyTakenException(Taken.EMAIL);
        }
        if (User.findByUsername(normalisedName).isPresent()) {
            throw new AlreadyTakenException(Taken.USERNAME);
        }
        User user = new User();
        user.email = normalisedEmail;
        user.username = normalisedName;
        user.passwordHash = passwordHash;
        user.role = config.auth().adminEmail().map(User::normalise).filter(normalisedEmail::equals).isPresent()
                ? Role.ADMINISTRATOR
                : Role.USER;
        user.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        user.passwordChangedAt = user.createdAt;
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw takenOrRethrow(e);
        }
        LOG.infof("Registered account %d (%s) as %s", user.id, user.username, user.role);
        registrations.increment();
        return user;
    }

    /**
     * The account for a login (email or username) and password, spending the same time whether or not it
     * exists. Not one transaction: the account is read in a short one, and the slow bcrypt comparison runs
     * after it, so a burst of logins does not hold every pooled connection while hashing.
     */
    public Optional<User> authenticate(String login, String password) {
        return authenticate(byLogin(login), password);
    }

    /** The account a login (email or username) names, read in a short transaction of its own. */
    public Optional<User> byLogin(String login) {
        return login == null || login.isBlank() ? Optional.empty()
                : QuarkusTransaction.joiningExisting().call(() -> User.findByLogin(login));
    }

    /**
     * As {@link #authenticate(String, String)}, for the account already read by {@link #byLogin} (the login
     * throttle counts the attempt against that account before the password is checked).
     */
    public Optional<User> authenticate(Optional<User> user, String password) {
        if (user.isEmpty()) {
            passwords.matchNothing(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, user.get().passwordHash) || user.get().disabled) {
            return Optional.empty();
        }
        return user;
    }

    public String confirmationToken(User user) {
        return tokens.issue(CONFIRM, user.id, user.email, clock.instant());
    }

    /** Whether the token would confirm an address (a genuine, unexpired token of an existing account). */
    @Transactional
    public boolean isValidConfirmation(String token) {
        return confirmationTarget(token).isPresent();
    }

    /** Confirms the address a genuine, unexpired token was issued for; confirming twice is harmless. */
    @Transactional
    public Optional<User> confirm(String token) {
        return confirmationTarget(token).map(user -> {
            if (!user.confirmed) {
                user.confirmed = true;
                LOG.infof("Account %d confirmed its email address", user.id);
            }
            return user;
        });
    }

    /** The account a confirmation token names, while the token is genuine and unexpired and the address unchanged. */
    private Optional<User> confirmationTarget(String token) {
        return tokens.verify(token, CONFIRM, config.auth().confirmationTtl(), clock.instant())
                .flatMap(t -> User.<User> findByIdOptional(t.userId()).filter(user -> user.email.equals(t.subject())));
    }

    /**
     * Sets a new password after checking the current one; reset links issued before are void, every session
     * ends and every API token is revoked. Returns the account's new session version, for the caller to
     * start the user's current session again under it; empty when the current password is wrong.
     */
    @Transactional
    public OptionalLong changePassword(String username, String currentPassword, String newPassword) {
        User user = User.findByUsername(username).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            return OptionalLong.empty();
        }
        setPassword(user, newPassword);
        return OptionalLong.of(user.sessionVersion);
    }

    /**
     * Whether this is the account's password, for forms that ask for it again before a sensitive change. As
     * in {@link #authenticate}, the slow bcrypt comparison runs after the short read, holding no connection.
     */
    public boolean passwordMatches(String username, String password) {
        String hash = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username).orElseThrow().passwordHash);
        return passwords.matches(password, hash);
    }

    /** "Log out everywhere": every session of the account ends, on every replica, at its next request. */
    @Transactional
    public void endAllSessions(String username) {
        User user = User.findByUsername(username).orElseThrow();
        user.sessionVersion++;
        LOG.infof("Account %d logged out everywhere", user.id);
    }

    /** A reset link for the account with this address, if there is one; the caller answers the same either way. */
    @Transactional
    public Optional<String> resetToken(String email) {
        return User.findByEmail(email).filter(user -> !user.disabled)
                .map(user -> tokens.issue(RESET, user.id, passwordVersion(user), clock.instant()));
    }

    /** The account a reset link is for, while the link is genuine, young and unused. */
    @Transactional
    public Optional<User> resetTarget(String token) {
        return tokens.verify(token, RESET, config.auth().resetTtl(), clock.instant())
                .flatMap(t -> User.<User> findByIdOptional(t.userId())
                        // single use: the link names the password it replaces; once that changes, the link is void
                        .filter(user -> passwordVersion(user).equals(t.subject()))
                        .filter(user -> !user.disabled));
    }

    @Transactional
    public Optional<User> resetPassword(String token, String newPassword) {
        Optional<User> user = resetTarget(token);
        user.ifPresent(u -> {
            setPassword(u, newPassword);
            u.confirmed = true; // the link reached the address, which confirms it
        });
        return user;
    }

    /**
     * A link to confirm a new address, after checking the current password. Empty when the password is wrong;
     * {@link AlreadyTakenException} when another account has the address.
     */
    @Transactional
    public Optional<String> emailChangeToken(String username, String currentPassword, String newEmail) {
        User user = User.findByUsername(username).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            return Optional.empty();
        }
        String normalised = User.normalise(newEmail);
        if (User.findByEmail(normalised).filter(other -> !other.id.equals(user.id)).isPresent()) {
            throw new AlreadyTakenException(Taken.EMAIL);
        }
        return Optional.of(tokens.issue(CHANGE_EMAIL, user.id, normalised, clock.instant()));
    }

    /** The new address an email-change link would set, while the link is genuine and young. */
    public Optional<String> pendingEmail(String token) {
        return tokens.verify(token, CHANGE_EMAIL, config.auth().confirmationTtl(), clock.instant())
                .map(SignedTokens.Token::subject);
    }

    /** Moves the account to the address the link was sent to; the unique constraint settles any race. */
    @Transactional
    public Optional<User> changeEmail(String token) {
        Optional<SignedTokens.Token> verified = tokens.verify(token, CHANGE_EMAIL, config.auth().confirmationTtl(),
                clock.instant());
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        User user = User.<User> findByIdOptional(verified.get().userId()).orElse(null);
        if (user == null) {
            return Optional.empty();
        }
        if (User.findByEmail(verified.get().subject()).filter(other -> !other.id.equals(user.id)).isPresent()) {
            throw new AlreadyTakenException(Taken.EMAIL);
        }
        user.email = verified.get().subject();
        user.confirmed = true;
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw takenOrRethrow(e);
        }
        LOG.infof("Account %d changed its email address", user.id);
        return Optional.of(user);
    }

    /**
     * Whoever knew the old password may have sessions or tokens: after a change or a reset, every session
     * ends (a new session version) and every API token is revoked.
     */
    private void setPassword(User user, String newPassword) {
        user.passwordHash = passwords.hash(newPassword);
        user.passwordChangedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        user.sessionVersion++;
        int revoked = apiTokens.revokeAll(user.id);
        LOG.infof("Account %d changed its password; its sessions ended and %d API tokens were revoked", user.id, revoked);
    }

    /**
     * Usernames of these accounts, for features that show who wrote what; unknown ids are left out. A
     * username never changes once registered and an id is never reused, so a name read once is kept (in a
     * size-bounded cache, the same on every replica) and only ids not seen before cost a query: one for
     * all of them, reading just the two columns.
     */
    @Transactional
    public Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> unseen = new ArrayList<>();
        for (Long id : new HashSet<>(ids)) {
            CachedValues.<String> ifPresent(usernameCache, id).ifPresentOrElse(name -> names.put(id, name), () -> unseen.add(id));
        }
        if (!unseen.isEmpty()) {
            User.getEntityManager().createQuery("select u.id, u.username from User u where u.id in :ids", Tuple.class)
                    .setParameter("ids", unseen).getResultList().forEach(row -> {
                        Long id = row.get(0, Long.class);
                        String name = row.get(1, String.class);
                        CachedValues.put(usernameCache, id, name);
                        names.put(id, name);
                    });
        }
        return names;
    }

    @Transactional
    public Optional<User> byUsername(String username) {
        return User.findByUsername(username);
    }

    @Transactional
    public Optional<User> byEmail(String email) {
        return User.findByEmail(email);
    }

    /** Accounts whose username or email contains {@code query} (all when blank), by username. */
    @Transactional
    public Page<User> search(String query, int page, int size) {
        String q = query == null ? "" : User.normalise(query);
        var found = q.isEmpty() ? User.<User> findAll(Sort.by("username"))
                : User.<User> find("username like ?1 or email like ?1", Sort.by("username"), "%" + likeEscaped(q) + "%");
        long total = found.count();
        return new Page<>(found.page(page - 1, size).list(), page, size, total);
    }

    /** Gives an account (loaded in the caller's transaction) a new role; its next request has the new permissions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setRole(User user, Role role) {
        user.role = role;
        LOG.infof("Account %d is now %s", user.id, role);
    }

    /**
     * Disables or re-enables an account (loaded in the caller's transaction); a disabled one loses its
     * sessions and API tokens at their next use. Its sessions stay ended when it is enabled again (a new
     * session version); its tokens work again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setDisabled(User user, boolean disabled) {
        user.disabled = disabled;
        if (disabled) {
            user.sessionVersion++;
        }
        LOG.infof("Account %d %s", user.id, disabled ? "disabled" : "enabled");
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String passwordVersion(User user) {
        return Long.toString(user.passwordChangedAt.toEpochMilli());
    }

    private static RuntimeException takenOrRethrow(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String name = violation.getConstraintName().toLowerCase(java.util.Locale.ROOT);
                if (name.contains("uk_users_email")) {
                    return new AlreadyTakenException(Taken.EMAIL);
                }
                if (name.contains("uk_users_username")) {
                    return new AlreadyTakenException(Taken.USERNAME);
                }
            }
        }
        return e;
    }
}
