package dev.atrium.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Moving an account to a new address: a request checked with the current password, a signed link to the new
 * address, and the change when the account's own session follows it. The old address is told.
 */
@ApplicationScoped
class EmailChange {

    private static final Logger LOG = Logger.getLogger(EmailChange.class);
    /** The purpose an email-change token is signed for. */
    static final String PURPOSE = "change-email";

    /**
     * A request to move an account to a new address, its current password checked: a link for the new address
     * when it is free, or the account that already holds it, to be told instead. The requester is answered
     * the same way in both cases, so settings tell nobody which addresses have accounts.
     */
    record Request(String newEmail, Optional<String> token, Optional<User> holder) {
    }

    /** What an email-change link offers: the account it was issued to and the address it moves it to. */
    record Link(long userId, String newEmail) {
    }

    /** The change made: the account, now at its new address, and the address it left (which is told). */
    record Changed(User user, String oldEmail) {
    }

    private final PasswordPolicy passwords;
    private final SignedTokens tokens;
    private final AccountMailer mailer;
    private final AtriumConfig config;
    private final Clock clock = Clock.systemUTC();

    EmailChange(PasswordPolicy passwords, SignedTokens tokens, AccountMailer mailer, AtriumConfig config) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Asks to move the signed-in account to a new address, and queues the mail: the link to the new address,
     * or the notice to the account that holds it. Empty when the current password is wrong. Either way the
     * address is free or taken, every link issued before is void: were it kept only for a taken address, an
     * earlier link of the requester's would tell them the address has an account.
     * <p>
     * {@code onPasswordRight} runs once the password is checked, before the mail is queued, outside this
     * transaction (the rate limits it may count commit on their own); if it throws, nothing changes.
     */
    @Transactional
    public Optional<Request> request(String username, String currentPassword, String newEmail, Language language,
            Runnable onPasswordRight) {
        // locked: the link is bound to the password and request version this transaction reads
        User user = User.lockByUsername(username).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            return Optional.empty();
        }
        outsideTransaction(onPasswordRight);
        String normalised = User.normalise(newEmail);
        user.emailChangeVersion++;
        Optional<User> holder = User.findByEmail(normalised).filter(other -> !other.id.equals(user.id));
        if (holder.isPresent()) {
            LOG.infof("Account %d asked for the address of account %d, which is told instead", user.id, holder.get().id);
            mailer.queueAddressInUse(holder.get(), language);
            return Optional.of(new Request(normalised, Optional.empty(), holder));
        }
        String token = token(user, normalised, clock.instant());
        mailer.queueEmailChange(user, normalised, token, language);
        return Optional.of(new Request(normalised, Optional.of(token), Optional.empty()));
    }

    /**
     * The link's token. It names the account, and binds the change to the account's current address, password
     * version and latest change request: a change made meanwhile, a newer request or a new password voids it.
     */
    String token(User user, String newEmail, Instant issuedAt) {
        return tokens.issue(PURPOSE, user.id, binding(user) + newEmail, issuedAt);
    }

    /** What an email-change link offers, while it is genuine, young and bound to the account as it is now. */
    @Transactional
    public Optional<Link> link(String token) {
        return target(token, false).map(target -> new Link(target.user().id, target.newEmail()));
    }

    /**
     * Moves the account to the address its link was sent to, when the link is the signed-in account's own
     * ({@code accountId}); empty for a link that is not valid, or not this account's. The old address is
     * returned, and told (the mail is queued here). The unique constraint settles a race for the address:
     * {@link AlreadyTakenException}.
     */
    @Transactional
    public Optional<Changed> change(String token, long accountId, Language language) {
        // locked: a password change or another confirmation at the same moment comes wholly before or after
        Optional<Target> target = target(token, true).filter(t -> t.user().id == accountId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        User user = target.get().user();
        String newEmail = target.get().newEmail();
        if (User.findByEmail(newEmail).filter(other -> !other.id.equals(user.id)).isPresent()) {
            throw new AlreadyTakenException(AlreadyTakenException.Taken.EMAIL);
        }
        String oldEmail = user.email;
        user.email = newEmail;
        user.confirmed = true;
        user.emailChangeVersion++; // this link, and any other, is used up
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw AlreadyTakenException.orRethrow(e);
        }
        LOG.infof("Account %d changed its email address", user.id);
        // the old address hears of it: if this was not its owner, they learn at once where their account went
        mailer.queueEmailChanged(user, oldEmail, language);
        return Optional.of(new Changed(user, oldEmail));
    }

    private record Target(User user, String newEmail) {
    }

    private Optional<Target> target(String token, boolean lock) {
        return tokens.verify(token, PURPOSE, config.auth().emailChangeTtl(), clock.instant())
                .filter(t -> t.subject() != null)
                .flatMap(t -> (lock ? User.lockById(t.userId()) : User.<User> findByIdOptional(t.userId()))
                        .filter(user -> t.subject().startsWith(binding(user)))
                        .map(user -> new Target(user, t.subject().substring(binding(user).length())))
                        .filter(target -> !target.newEmail().isEmpty()));
    }

    /**
     * The account's state a change link is bound to: "version|password version|address digest|". The address
     * goes in as a digest, so the link (sent to the new address) does not carry the old one.
     */
    private static String binding(User user) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(user.email.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        return user.emailChangeVersion + "|" + user.passwordVersion() + "|"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "|";
    }

    /** Runs {@code work} with the current transaction suspended; its exceptions reach the caller as they are. */
    private static void outsideTransaction(Runnable work) {
        try {
            QuarkusTransaction.suspendingExisting().run(work);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
