package dev.atrium.auth;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import dev.atrium.mail.MailOutbox;
import dev.atrium.mail.MailStatus;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.LaunchMode;

/**
 * The account emails, each in a text and an HTML variant and in the recipient's language. They are rendered
 * now and written to the outbox in the caller's transaction (every method needs one), so a mail exists if and
 * only if the change that causes it commits; {@link MailOutbox} delivers it after. In dev the links are also
 * logged, since the mock mailbox sends nothing.
 */
@Singleton
class AccountMailer {

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

    /** What each mail is, as the outbox records it (and the pages that say how a mail stands ask for). */
    static final String CONFIRM = "confirm";
    static final String ALREADY_REGISTERED = "already-registered";
    static final String RESET = "reset";
    static final String CHANGE_EMAIL = "change-email";
    static final String EMAIL_CHANGED = "email-changed";
    static final String ADDRESS_IN_USE = "address-in-use";

    private final AtriumConfig config;
    private final MailOutbox outbox;

    AccountMailer(AtriumConfig config, MailOutbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    public void queueConfirmation(User user, String token, Language language) {
        String link = config.site().baseUrl() + "/confirm/" + token;
        logInDev("confirmation", user, link);
        queue(CONFIRM, user, Templates.confirm(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_confirm_subject(config.site().name()));
    }

    /** Sent instead of a second account, so that registering never tells a stranger an address is in use. */
    public void queueAlreadyRegistered(User user, Language language) {
        String link = config.site().baseUrl() + "/login";
        queue(ALREADY_REGISTERED, user, Templates.alreadyRegistered(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_already_registered_subject(config.site().name()));
    }

    public void queueReset(User user, String token, Language language) {
        String link = config.site().baseUrl() + "/reset/" + token;
        logInDev("password reset", user, link);
        queue(RESET, user, Templates.reset(config.site().name(), user.username, link), user.email, language,
                messages(language).mail_reset_subject(config.site().name()));
    }

    /** Sent to the new address: the change happens only when its owner follows the link. */
    public void queueEmailChange(User user, String newEmail, String token, Language language) {
        String link = config.site().baseUrl() + "/settings/email/" + token;
        logInDev("email change", user, link);
        queue(CHANGE_EMAIL, user, Templates.changeEmail(config.site().name(), user.username, link), newEmail, language,
                messages(language).mail_change_email_subject(config.site().name()));
    }

    /**
     * Sent to the address an account has just left: if the change was not its owner's doing, they hear of it
     * where they can still read mail. The new address is shown masked, enough to recognise, not to learn.
     */
    public void queueEmailChanged(User user, String oldEmail, Language language) {
        queue(EMAIL_CHANGED, user, Templates.emailChanged(config.site().name(), user.username, masked(user.email)), oldEmail, language,
                messages(language).mail_email_changed_subject(config.site().name()));
    }

    /**
     * Sent to the holder of an address another account asked for, instead of a link: settings answer the
     * requester as if the address were free, so they learn nothing of who has an account.
     */
    public void queueAddressInUse(User holder, Language language) {
        queue(ADDRESS_IN_USE, holder, Templates.addressInUse(config.site().name(), holder.username), holder.email, language,
                messages(language).mail_address_in_use_subject(config.site().name()));
    }

    /** How the latest mail of this kind to the account stands, while the outbox lists it. */
    Optional<MailStatus> latest(User account, String kind) {
        return outbox.latest(account.id, kind).map(MailOutbox.Delivery::status);
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

    /** Renders both variants in the recipient's language and queues them; nothing is sent from here. */
    private void queue(String kind, User account, MailTemplateInstance mail, String to, Language language, String subject) {
        TemplateInstance template = mail.templateInstance();
        template.setAttribute(TemplateInstance.LOCALE, language.locale());
        String text = null;
        String html = null;
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) template.getAttribute(TemplateInstance.VARIANTS);
        for (Variant variant : variants) {
            if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                text = template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            } else if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                html = template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            }
        }
        if (text == null) {
            throw new IllegalStateException("The " + kind + " mail has no text variant");
        }
        outbox.queue(kind, account.id, to, subject, text, html);
    }

    private static void logInDev(String what, User user, String link) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            LOG.infof("Dev mode: %s link for %s: %s", what, user.username, link);
        }
    }
}
