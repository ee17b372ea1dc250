package dev.atrium.auth;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;

/**
 * A forgotten password: a signed link by mail, good once. The link names the password it replaces (the
 * account's password version), so setting any new password voids it.
 */
@ApplicationScoped
class PasswordReset {

    /** The purpose a reset token is signed for. */
    static final String PURPOSE = "reset";

    private final SignedTokens tokens;
    private final Credentials credentials;
    private final AccountMailer mailer;
    private final AtriumConfig config;
    private final Clock clock = Clock.systemUTC();

    PasswordReset(SignedTokens tokens, Credentials credentials, AccountMailer mailer, AtriumConfig config) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Queues a reset link for the account with this address, if there is one (and it is not disabled); the
     * caller answers the same either way.
     */
    @Transactional
    public void request(String email, Language language) {
        User.findByEmail(email).filter(user -> !user.disabled)
                .ifPresent(user -> mailer.queueReset(user, tokens.issue(PURPOSE, user.id, user.passwordVersion(), clock.instant()), language));
    }

    /** The account a reset link is for, while the link is genuine, young and unused. */
    @Transactional
    public Optional<User> target(String token) {
        return target(token, false);
    }

    private Optional<User> target(String token, boolean lock) {
        return tokens.verify(token, PURPOSE, config.auth().resetTtl(), clock.instant())
                .flatMap(t -> (lock ? User.lockById(t.userId()) : User.<User> findByIdOptional(t.userId()))
                        // single use: the link names the password it replaces; once that changes, the link is void
                        .filter(user -> user.passwordVersion().equals(t.subject()))
                        .filter(user -> !user.disabled));
    }

    /** Sets the new password the link was for; empty when the link is not (or no longer) valid. */
    @Transactional
    public Optional<User> reset(String token, String newPassword) {
        // locked: a password change at the same moment either voids this link first or comes after the reset
        Optional<User> user = target(token, true);
        user.ifPresent(u -> {
            credentials.setPassword(u, newPassword);
            u.confirmed = true; // the link reached the address, which confirms it
        });
        return user;
    }
}
