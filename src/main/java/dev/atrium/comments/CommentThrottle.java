package dev.atrium.comments;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.web.ProblemException;
import dev.atrium.web.RateLimits;
import dev.atrium.web.RateLimits.Limit;
import dev.atrium.web.RequestInfo;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Limits how fast one account can comment, on {@link RateLimits}' shared counters, so every replica meets
 * the same limit: {@value #PER_WINDOW} comments in {@value #WINDOW_MINUTES} minutes is more than a person in
 * a lively conversation writes, and stops a script (or a stolen session) from flooding the site's pages.
 */
@Singleton
public class CommentThrottle {

    private static final Logger LOG = Logger.getLogger(CommentThrottle.class);
    static final String ACTION = "comment-account";
    static final int PER_WINDOW = 10;
    static final int WINDOW_MINUTES = 5;

    private final RateLimits limits;

    CommentThrottle(RateLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts a comment by {@code accountId}, or refuses it with 429 and Retry-After. Called outside any
     * transaction (the counters use short transactions of their own); the caller takes the use back when
     * the comment is not written after all.
     */
    public RateLimits.Attempt countOrRefuse(long accountId) {
        RateLimits.Attempt attempt = limits.attempt(new Limit(ACTION, Long.toString(accountId), PER_WINDOW, Duration.ofMinutes(WINDOW_MINUTES)));
        if (attempt.refused()) {
            LOG.infof("Comments throttled for account %d", accountId);
            // in the visitor's language, as the account pages' 429s are
            String detail = MessageBundles.get(CommentMessages.class, Localized.Literal.of(RequestInfo.current().language().tag()))
                    .error_too_many();
            throw ProblemException.tooManyRequests(detail, attempt.retryAfter().orElseThrow());
        }
        return attempt;
    }

    public void takeBack(RateLimits.Attempt attempt) {
        limits.takeBack(attempt);
    }
}
