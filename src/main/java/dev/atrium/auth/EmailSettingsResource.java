package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import dev.atrium.web.EmailAddress;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.RequestInfo;
import dev.atrium.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/**
 * The settings page's email form and the link it mails: a new address, asked for with the current password
 * (counted like a login), then confirmed from the new address's mailbox, in the session that asked. The
 * mail is limited like every account email.
 */
@Path("/settings/email")
@Produces(MediaType.TEXT_HTML)
@Authenticated
class EmailSettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emailChange(String token, String email, LinkState state);
    }

    private final SettingsPage page;
    private final EmailChange emailChanges;
    private final AuthMessages messages;
    private final LoginThrottle throttle;
    private final MailThrottle mailThrottle;
    private final Violations violations;

    EmailSettingsResource(SettingsPage page, EmailChange emailChanges, AuthMessages messages, LoginThrottle throttle,
            MailThrottle mailThrottle, Violations violations) {
        this.page = page;
        this.emailChanges = emailChanges;
        this.messages = messages;
        this.throttle = throttle;
        this.mailThrottle = mailThrottle;
        this.violations = violations;
    }

    @POST
    public Response changeEmail(@RestForm String currentPassword, @RestForm String newEmail, RoutingContext rc) {
        FormErrors errors = violations.of(new EmailChangeForm(newEmail));
        if (!errors.any()) {
            User user = page.me();
            LoginThrottle.Counted check = throttle.countCurrentPassword(user, rc);
            // the same answer whether or not another account holds the address: its holder hears of it, never
            // the requester, and no link goes to an address that has an account already; either way one mail
            // to that address, counted against its limit once the password is right (a 429 then changes nothing)
            var request = emailChanges.request(user.username, currentPassword, newEmail, RequestInfo.current().language(),
                    () -> {
                        check.passed();
                        mailThrottle.countOrRefuse(newEmail, user, LoginThrottle.address(rc));
                    });
            if (request.isPresent()) {
                return seeOther("/settings?done=email-sent");
            }
            errors.add("emailCurrentPassword", messages.error_current_password());
        }
        return page.refused(errors, FormValues.keep(newEmail, EmailAddress.MAX));
    }

    /**
     * The link from the email opens a page with a button: GET changes nothing. The link works only in the
     * session of the account that asked for it (anyone else signed in gets a 403 and the address is not shown).
     */
    @GET
    @Path("{token}")
    public Response emailChangePage(@RestPath String token) {
        var link = emailChanges.link(token);
        if (link.isEmpty()) {
            return emailChangeAnswer(400, token, "", LinkState.INVALID);
        }
        if (link.get().userId() != page.me().id) {
            return emailChangeAnswer(403, token, "", LinkState.OTHER_ACCOUNT);
        }
        return emailChangeAnswer(200, token, link.get().newEmail(), LinkState.VALID);
    }

    @POST
    @Path("{token}")
    public Response confirmEmailChange(@RestPath String token) {
        long myId = page.me().id;
        var link = emailChanges.link(token);
        if (link.isPresent() && link.get().userId() != myId) {
            return emailChangeAnswer(403, token, "", LinkState.OTHER_ACCOUNT);
        }
        try {
            var changed = emailChanges.change(token, myId, RequestInfo.current().language());
            if (changed.isEmpty()) {
                return emailChangeAnswer(400, token, "", LinkState.INVALID);
            }
            return seeOther("/settings?done=email");
        } catch (AlreadyTakenException e) {
            // another account confirmed the same address first
            return emailChangeAnswer(409, token, "", LinkState.TAKEN);
        }
    }

    /** What an email-change link's page says: its address to confirm, or why it cannot be. */
    enum LinkState {
        VALID, INVALID, OTHER_ACCOUNT, TAKEN
    }

    private static Response emailChangeAnswer(int status, String token, String email, LinkState state) {
        return Response.status(status).entity(Templates.emailChange(token, email, state)).build();
    }
}
