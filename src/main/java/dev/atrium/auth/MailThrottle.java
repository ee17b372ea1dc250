package dev.atrium.auth;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.RateLimits;
import dev.atrium.web.RateLimits.Limit;

/**
 * Limits the account emails anyone can make the site send (registration, confirmation again, password
 * reset, email change), on {@link RateLimits}' shared counters: per recipient, so nobody's inbox can be
 * flooded from here; per signed-in account; and per client address, so one client cannot spread a flood over
 * many recipients. A request is counted whether or not a mail goes out in the end (a reset for an address
 * with no account, say), so a refusal tells nobody whether an address has an account.
 */
@Singleton
class MailThrottle {

    private static final Logger LOG = Logger.getLogger(MailThrottle.class);
    static final String RECIPIENT = "mail-recipient";
    static final String ACCOUNT = "mail-account";
    static final String CLIENT = "mail-client";

    private final RateLimits limits;
    private final int perRecipient;
    private final int perAddress;
    private final Duration window;

    @Inject
    MailThrottle(AtriumConfig config, RateLimits limits) {
        this.limits = limits;
        this.perRecipient = config.auth().mailsPerRecipient();
        this.perAddress = config.auth().mailsPerAddress();
        this.window = config.auth().mailWindow();
    }

    /** Counts a mail to {@code recipient} asked for from {@code address}; 429 with Retry-After once a limit is used up. */
    void countOrRefuse(String recipient, String address) {
        refuseIfRefused(limits.attempt(recipientLimit(recipient), clientLimit(address)), address);
    }

    /** As {@link #countOrRefuse(String, String)}, for a signed-in account, which has a limit of its own. */
    void countOrRefuse(String recipient, User account, String address) {
        refuseIfRefused(limits.attempt(recipientLimit(recipient), new Limit(ACCOUNT, Long.toString(account.id), perRecipient, window),
                clientLimit(address)), address);
    }

    private Limit recipientLimit(String recipient) {
        return new Limit(RECIPIENT, recipient == null ? "" : User.normalise(recipient), perRecipient, window);
    }

    private Limit clientLimit(String address) {
        return new Limit(CLIENT, address == null ? "" : address, perAddress, window);
    }

    private static void refuseIfRefused(RateLimits.Attempt attempt, String address) {
        if (attempt.refused()) {
            LOG.infof("Account emails throttled for %s", address);
            throw TooManyRequests.mails(attempt.retryAfter().orElseThrow());
        }
    }
}
