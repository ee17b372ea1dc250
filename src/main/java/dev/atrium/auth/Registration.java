package dev.atrium.auth;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Creating accounts. A registration queues its confirmation mail in the same transaction
 * ({@link AccountMailer}): both happen, or neither.
 */
@ApplicationScoped
class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class);

    private final PasswordPolicy passwords;
    private final ConfirmationLinks confirmations;
    private final AccountMailer mailer;
    private final AtriumConfig config;
    private final Counter registrations;
    private final Clock clock = Clock.systemUTC();

    Registration(PasswordPolicy passwords, ConfirmationLinks confirmations, AccountMailer mailer, AtriumConfig config,
            MeterRegistry registry) {
        this.passwords = passwords;
        this.confirmations = confirmations;
        this.mailer = mailer;
        this.config = config;
        this.registrations = Counter.builder("atrium.registrations").description("Accounts registered").register(registry);
    }

    /**
     * Creates an unconfirmed account and queues its confirmation mail. The database's unique constraints
     * decide races: the loser gets {@link AlreadyTakenException}, never a second account (nor a mail).
     */
    @Transactional
    public User register(String email, String username, String password, Language language) {
        String normalisedEmail = User.normalise(email);
        String normalisedName = User.normalise(username);
        // hashed first, so that a taken address answers in the same time as a new one
        String passwordHash = passwords.hash(password);
        if (User.findByEmail(normalisedEmail).isPresent()) {
            throw new AlreadyTakenException(AlreadyTakenException.Taken.EMAIL);
        }
        if (User.findByUsername(normalisedName).isPresent()) {
            throw new AlreadyTakenException(AlreadyTakenException.Taken.USERNAME);
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
            throw AlreadyTakenException.orRethrow(e);
        }
        LOG.infof("Registered account %d (%s) as %s", user.id, user.username, user.role);
        mailer.queueConfirmation(user, confirmations.token(user), language);
        registrations.increment();
        return user;
    }

    /**
     * Registering with an address that has an account: its owner is mailed instead of a second account, so
     * the form answers a stranger as it answers a new address.
     */
    @Transactional
    public void tellOwnerOfRegistration(String email, Language language) {
        User.findByEmail(User.normalise(email)).ifPresent(owner -> mailer.queueAlreadyRegistered(owner, language));
    }
}
