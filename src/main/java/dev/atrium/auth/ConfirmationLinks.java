package dev.atrium.auth;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.mail.MailStatus;
import dev.atrium.web.Language;

/**
 * The links that confirm an account's address. A link names the address it confirms, so it dies when the
 * address changes; a password change leaves it alone (confirming the same address again is harmless).
 */
@ApplicationScoped
class ConfirmationLinks {

    private static final Logger LOG = Logger.getLogger(ConfirmationLinks.class);
    /** The purpose a confirmation token is signed for. */
    static final String PURPOSE = "confirm";

    private final SignedTokens tokens;
    private final AccountMailer mailer;
    private final AtriumConfig config;
    private final Clock clock = Clock.systemUTC();

    ConfirmationLinks(SignedTokens tokens, AccountMailer mailer, AtriumConfig config) {
        this.tokens = tokens;
        this.mailer = mailer;
        this.config = config;
    }

    String token(User user) {
        return tokens.issue(PURPOSE, user.id, user.email, clock.instant());
    }

    /** How the account's latest confirmation mail stands, so the page that asks to confirm can say. */
    Optional<MailStatus> latestMail(User user) {
        return mailer.latest(user, AccountMailer.CONFIRM);
    }

    /** Queues a new confirmation link for the account, unless it is confirmed already; whether one was queued. */
    @Transactional
    public boolean sendAgain(String username, Language language) {
        User user = User.findByUsername(username).orElseThrow();
        if (user.confirmed) {
            return false;
        }
        mailer.queueConfirmation(user, token(user), language);
        return true;
    }

    /** Whether the token would confirm an address (a genuine, unexpired token of an existing account). */
    @Transactional
    public boolean isValid(String token) {
        return target(token).isPresent();
    }

    /** Confirms the address a genuine, unexpired token was issued for; confirming twice is harmless. */
    @Transactional
    public Optional<User> confirm(String token) {
        return target(token).map(user -> {
            if (!user.confirmed) {
                user.confirmed = true;
                LOG.infof("Account %d confirmed its email address", user.id);
            }
            return user;
        });
    }

    /** The account a confirmation token names, while the token is genuine and unexpired and the address unchanged. */
    private Optional<User> target(String token) {
        return tokens.verify(token, PURPOSE, config.auth().confirmationTtl(), clock.instant())
                .flatMap(t -> User.<User> findByIdOptional(t.userId()).filter(user -> user.email.equals(t.subject())));
    }
}
