package dev.atrium.auth;

import java.time.Duration;

import dev.atrium.web.ProblemException;
import dev.atrium.web.RequestInfo;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The 429 answers of the account pages, with Retry-After, their detail in the request's language. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static ProblemException passwordChecks(Duration wait) {
        return ProblemException.tooManyRequests(messages().error_too_many_password_checks(), wait);
    }

    static ProblemException mails(Duration wait) {
        return ProblemException.tooManyRequests(messages().error_too_many_mails(), wait);
    }

    private static AuthMessages messages() {
        return MessageBundles.get(AuthMessages.class, Localized.Literal.of(RequestInfo.current().language().tag()));
    }
}
