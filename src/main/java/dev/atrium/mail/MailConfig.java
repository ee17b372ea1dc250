package dev.atrium.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * How the outbox delivers account mail ({@code atrium.mail.*}, values in application.yaml). Their bounds are
 * config/SettingBounds's, checked at start, like {@code AtriumConfig}'s.
 */
@ConfigMapping(prefix = "atrium.mail")
interface MailConfig {

    /** How often each replica looks for mail that is due (new mail on this replica goes at once); the scheduler's least is 1 s. */
    Duration pollInterval();

    /** Attempts at one mail before it is given up and kept as failed. */
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further failure. */
    Duration firstRetry();

    /** The longest wait between two attempts, however many failed. */
    Duration longestRetry();

    /**
     * How long one delivery may take before it counts as failed. A claimed mail is left alone by other
     * replicas for twice this, so a sender that dies mid-delivery delays its mail, never loses it.
     */
    Duration sendTimeout();

    /** Mails one claim takes. */
    int batchSize();

    /** How long sent and failed mails (their bodies already blanked) stay listed before they are deleted. */
    Duration retention();

    /** The wait before attempt {@code failedAttempts + 1}: {@link #firstRetry()} doubled per failure, at most {@link #longestRetry()}. */
    default Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(longestRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry()) > 0 ? longestRetry() : wait;
    }

    default Duration lease() {
        return sendTimeout().multipliedBy(2);
    }
}
