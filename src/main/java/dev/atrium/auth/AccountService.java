package dev.atrium.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import dev.atrium.cache.CachedValues;
import dev.atrium.config.AtriumConfig;
import dev.atrium.mail.MailStatus;
import dev.atrium.web.Page;
import dev.atrium.web.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.panache.common.Sort;

/**
 * Accounts: creating them, confirming their email address and checking credentials. Other features ask
 * this class about users; they never touch {@link User} queries of their own. A change that mails someone
 * queues the mail in its own transaction ({@link AccountMailer}): both happen, or neither.
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
    private final AccountMailer mailer;

    AccountService(PasswordPolicy passwords, SignedTokens tokens, AtriumConfig config, MeterRegistry registry,
            @CacheName(USERNAMES) Cache usernameCache, ApiTokenService apiTokens, AccountMailer mailer) {
        this.mailer = mailer;
        this.usernameCache = usernameCache;
        this.apiTokens = apiTokens;
        this.passwords = passwords;
        this.tokens = tokens;
        this.config = config;
        this.clock = Clock.systemUTC();
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
        mailer.queueConfirmation(user, confirmationToken(user), language);
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

    /** How the account's latest confirmation mail stands, so the page that asks to confirm can say. */
    public Optional<MailStatus> confirmationMail(User user) {
        return mailer.latest(user, AccountMailer.CONFIRM);
    }

    /** Queues a new confirmation link for the account, unless it is confirmed already; whether one was queued. */
    @Transactional
    public boolean sendConfirmationAgain(String username, Language language) {
        User user = User.findByUsername(username).orElseThrow();
        if (user.confirmed) {
            return false;
        }
        mailer.queueConfirmation(user, confirmationToken(user), language);
        return true;
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
        if (passwords.needsUpgrade(password, user.get().passwordHash)) {
            upgradeHash(user.get(), password);
        }
        return user;
    }

    /**
     * Replaces a hash of the old kind, or one made at a lower cost, with one of the current kind and cost, now that
     * the password is at hand. Only the
     * hash changes: not the password version, so links and sessions stay valid. The update names the old hash,
     * so a password changed meanwhile is never overwritten.
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
     * Queues a reset link for the account with this address, if there is one (and it is not disabled); the
     * caller answers the same either way.
     */
    @Transactional
    public void requestReset(String email, Language language) {
        User.findByEmail(email).filter(user -> !user.disabled)
                .ifPresent(user -> mailer.queueReset(user, tokens.issue(RESET, user.id, passwordVersion(user), clock.instant()), language));
    }

    /** The account a reset link is for, while the link is genuine, young and unused. */
    @Transactional
    public Optional<User> resetTarget(String token) {
        return resetTarget(token, false);
    }

    private Optional<User> resetTarget(String token, boolean lock) {
        return tokens.verify(token, RESET, config.auth().resetTtl(), clock.instant())
                .flatMap(t -> (lock ? User.lockById(t.userId()) : User.<User> findByIdOptional(t.userId()))
                        // single use: the link names the password it replaces; once that changes, the link is void
                        .filter(user -> passwordVersion(user).equals(t.subject()))
                        .filter(user -> !user.disabled));
    }

    @Transactional
    public Optional<User> resetPassword(String token, String newPassword) {
        // locked: a password change at the same moment either voids this link first or comes after the reset
        Optional<User> user = resetTarget(token, true);
        user.ifPresent(u -> {
            setPassword(u, newPassword);
            u.confirmed = true; // the link reached the address, which confirms it
        });
        return user;
    }

    /**
     * A request to move an account to a new address, its current password checked: a link for the new address
     * when it is free, or the account that already holds it, to be told instead. The requester is answered
     * the same way in both cases, so settings tell nobody which addresses have accounts.
     */
    public record EmailChangeRequest(String newEmail, Optional<String> token, Optional<User> holder) {
    }

    /** What an email-change link offers: the account it was issued to and the address it moves it to. */
    public record EmailChangeLink(long userId, String newEmail) {
    }

    /** The change made: the account, now at its new address, and the address it left (which is told). */
    public record EmailChanged(User user, String oldEmail) {
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
    public Optional<EmailChangeRequest> requestEmailChange(String username, String currentPassword, String newEmail,
            Language language, Runnable onPasswordRight) {
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
            return Optional.of(new EmailChangeRequest(normalised, Optional.empty(), holder));
        }
        String token = emailChangeToken(user, normalised, clock.instant());
        mailer.queueEmailChange(user, normalised, token, language);
        return Optional.of(new EmailChangeRequest(normalised, Optional.of(token), Optional.empty()));
    }

    /**
     * The link's token. It names the account, and binds the change to the account's current address, password
     * version and latest change request: a change made meanwhile, a newer request or a new password voids it.
     */
    String emailChangeToken(User user, String newEmail, Instant issuedAt) {
        return tokens.issue(CHANGE_EMAIL, user.id, emailChangeBinding(user) + newEmail, issuedAt);
    }

    /** What an email-change link offers, while it is genuine, young and bound to the account as it is now. */
    @Transactional
    public Optional<EmailChangeLink> emailChangeLink(String token) {
        return emailChangeTarget(token, false).map(target -> new EmailChangeLink(target.user().id, target.newEmail()));
    }

    /**
     * Moves the account to the address its link was sent to, when the link is the signed-in account's own
     * ({@code accountId}); empty for a link that is not valid, or not this account's. The old address is
     * returned, and told (the mail is queued here). The unique constraint settles a race for the address:
     * {@link AlreadyTakenException}.
     */
    @Transactional
    public Optional<EmailChanged> changeEmail(String token, long accountId, Language language) {
        // locked: a password change or another confirmation at the same moment comes wholly before or after
        Optional<EmailChangeTarget> target = emailChangeTarget(token, true).filter(t -> t.user().id == accountId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        User user = target.get().user();
        String newEmail = target.get().newEmail();
        if (User.findByEmail(newEmail).filter(other -> !other.id.equals(user.id)).isPresent()) {
            throw new AlreadyTakenException(Taken.EMAIL);
        }
        String oldEmail = user.email;
        user.email = newEmail;
        user.confirmed = true;
        user.emailChangeVersion++; // this link, and any other, is used up
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw takenOrRethrow(e);
        }
        LOG.infof("Account %d changed its email address", user.id);
        // the old address hears of it: if this was not its owner, they learn at once where their account went
        mailer.queueEmailChanged(user, oldEmail, language);
        return Optional.of(new EmailChanged(user, oldEmail));
    }

    private record EmailChangeTarget(User user, String newEmail) {
    }

    private Optional<EmailChangeTarget> emailChangeTarget(String token, boolean lock) {
        return tokens.verify(token, CHANGE_EMAIL, config.auth().emailChangeTtl(), clock.instant())
                .filter(t -> t.subject() != null)
                .flatMap(t -> (lock ? User.lockById(t.userId()) : User.<User> findByIdOptional(t.userId()))
                        .filter(user -> t.subject().startsWith(emailChangeBinding(user)))
                        .map(user -> new EmailChangeTarget(user, t.subject().substring(emailChangeBinding(user).length())))
                        .filter(target -> !target.newEmail().isEmpty()));
    }

    /**
     * The account's state a change link is bound to: "version|password version|address digest|". The address
     * goes in as a digest, so the link (sent to the new address) does not carry the old one.
     */
    private static String emailChangeBinding(User user) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(user.email.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        return user.emailChangeVersion + "|" + passwordVersion(user) + "|"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "|";
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
     * Marks an account's address confirmed or not (an administrator's decision; loaded in the caller's
     * transaction). An unconfirmed account holds no permission from its next request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setConfirmed(User user, boolean confirmed) {
        user.confirmed = confirmed;
        LOG.infof("Account %d is now %s", user.id, confirmed ? "confirmed" : "unconfirmed");
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
