package dev.atrium.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;

/**
 * Accounts: creating them, confirming their email address and checking credentials. Other features ask
 * this class about users; they never touch {@link User} queries of their own.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    static final String CONFIRM = "confirm";

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

    AccountService(PasswordPolicy passwords, SignedTokens tokens, AtriumConfig config) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates an unconfirmed account. The database's unique constraints decide races: the loser gets
     * {@link AlreadyTakenException}, never a second account.
     */
    @Transactional
    public User register(String email, String username, String password) {
        String normalisedEmail = User.normalise(email);
        String normalisedName = User.normalise(username);
        if (User.findByEmail(normalisedEmail).isPresent()) {
            throw new AlreadyTakenException(Taken.EMAIL);
        }
        if (User.findByUsername(normalisedName).isPresent()) {
            throw new AlreadyTakenException(Taken.USERNAME);
        }
        User user = new User();
        user.email = normalisedEmail;
        user.username = normalisedName;
        user.passwordHash = passwords.hash(password);
        user.role = config.auth().adminEmail().map(User::normalise).filter(normalisedEmail::equals).isPresent()
                ? Role.ADMINISTRATOR
                : Role.USER;
        user.createdAt = clock.instant();
        user.passwordChangedAt = user.createdAt;
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw takenOrRethrow(e);
        }
        LOG.infof("Registered account %d (%s) as %s", user.id, user.username, user.role);
        return user;
    }

    /** The account for a login (email or username) and password, spending the same time whether or not it exists. */
    @Transactional
    public Optional<User> authenticate(String login, String password) {
        Optional<User> user = login == null || login.isBlank() ? Optional.empty() : User.findByLogin(login);
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

    @Transactional
    public Optional<User> byUsername(String username) {
        return User.findByUsername(username);
    }

    @Transactional
    public Optional<User> byEmail(String email) {
        return User.findByEmail(email);
    }

    Instant now() {
        return clock.instant();
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
