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

        static native MailTemplateInstance emailChanged(String site, String username, String newEmail);

        static native MailTemplateInstance addressInUse(String site, String username);
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

    /**
     * Sent to the address an account has just left: if the change was not its owner's doing, they hear of it
     * where they can still read mail. The new address is shown masked, enough to recognise, not to learn.
     */
    public void sendEmailChanged(User user, String oldEmail, Language language) {
        send(Templates.emailChanged(config.site().name(), user.username, masked(user.email)), oldEmail, language,
                messages(language).mail_email_changed_subject(config.site().name()));
    }

    /**
     * Sent to the holder of an address another account asked for, instead of a link: settings answer the
     * requester as if the address were free, so they learn nothing of who has an account.
     */
    public void sendAddressInUse(User holder, Language language) {
        send(Templates.addressInUse(config.site().name(), holder.username), holder.email, language,
                messages(language).mail_address_in_use_subject(config.site().name()));
    }

    /** "alice@example.net" as "a***@e***.net": the first character of the name and of the domain, and its last label. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        int dot = email.lastIndexOf('.');
        if (at < 1 || dot < at + 2) {
            return "***";
        }
        return firstCharacter(email.substring(0, at)) + "***@" + firstCharacter(email.substring(at + 1)) + "***"
                + email.substring(dot);
    }

    private static String firstCharacter(String value) {
        return value.substring(0, value.offsetByCodePoints(0, 1));
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
