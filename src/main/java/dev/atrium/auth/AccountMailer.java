package dev.atrium.auth;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.LaunchMode;

/**
 * The account emails, each in a text and an HTML variant and in the recipient's language. In dev the
 * links are also logged, since the mock mailbox sends nothing.
 */
@Singleton
public class AccountMailer {

    private static final Logger LOG = Logger.getLogger(AccountMailer.class);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance confirm(String site, String username, String link);

        static native MailTemplateInstance alreadyRegistered(String site, String username, String loginLink);

        static native MailTemplateInstance reset(String site, String username, String link);

        static native MailTemplateInstance changeEmail(String site, String username, String link);
    }

    private final AtriumConfig config;

    AccountMailer(AtriumConfig config) {
        this.config = config;
    }

    public void sendConfirmation(User user, String token, Language language) {
        String link = config.site().baseUrl() + "/confirm/" + token;
        logInDev("confirmation", user, link);
        send(Templates.confirm(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_confirm_subject(config.site().name()));
    }

    /** Sent instead of a second account, so that registering never tells a stranger an address is in use. */
    public void sendAlreadyRegistered(User user, Language language) {
        String link = config.site().baseUrl() + "/login";
        send(Templates.alreadyRegistered(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_already_registered_subject(config.site().name()));
    }

    public void sendReset(User user, String token, Language language) {
        String link = config.site().baseUrl() + "/reset/" + token;
        logInDev("password reset", user, link);
        send(Templates.reset(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_reset_subject(config.site().name()));
    }

    /** Sent to the new address: the change happens only when its owner follows the link. */
    public void sendEmailChange(User user, String newEmail, String token, Language language) {
        String link = config.site().baseUrl() + "/settings/email/" + token;
        logInDev("email change", user, link);
        send(Templates.changeEmail(config.site().name(), user.username, link), newEmail, language,
                messages(language).mail_change_email_subject(config.site().name()));
    }

    private static AuthMessages messages(Language language) {
        return MessageBundles.get(AuthMessages.class, Localized.Literal.of(language.tag()));
    }

    private void send(MailTemplateInstance mail, String to, Language language, String subject) {
        mail.setAttribute("locale", language.locale());
        mail.to(to).subject(subject).send()
                .subscribe().with(ok -> { }, failure -> LOG.errorf(failure, "Could not send \"%s\" to an account", subject));
    }

    private static void logInDev(String what, User user, String link) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            LOG.infof("Dev mode: %s link for %s: %s", what, user.username, link);
        }
    }
}
