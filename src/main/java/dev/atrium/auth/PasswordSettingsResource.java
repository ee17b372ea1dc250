package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import java.util.OptionalLong;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.atrium.web.FormErrors;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/** The settings page's password form: a new password, given with the current one, which is counted like a login. */
@Path("/settings/password")
@Produces(MediaType.TEXT_HTML)
@Authenticated
class PasswordSettingsResource {

    private final SettingsPage page;
    private final Credentials credentials;
    private final PasswordPolicy passwords;
    private final SessionCookies sessions;
    private final AuthMessages messages;
    private final LoginThrottle throttle;

    PasswordSettingsResource(SettingsPage page, Credentials credentials, PasswordPolicy passwords, SessionCookies sessions,
            AuthMessages messages, LoginThrottle throttle) {
        this.page = page;
        this.credentials = credentials;
        this.passwords = passwords;
        this.sessions = sessions;
        this.messages = messages;
        this.throttle = throttle;
    }

    @POST
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword, RoutingContext rc) {
        FormErrors errors = FormErrors.none();
        passwords.check(newPassword).ifPresent(problem -> errors.add("newPassword", PasswordMessages.of(problem, messages)));
        if (!errors.any()) {
            User me = page.me();
            LoginThrottle.Counted check = throttle.countCurrentPassword(me, rc);
            OptionalLong sessionVersion = credentials.changePassword(me.username, currentPassword, newPassword);
            if (sessionVersion.isPresent()) {
                check.passed();
                // every session of the account has ended; this one goes on as a fresh one under the new version
                sessions.start(rc, me.username, sessionVersion.getAsLong());
                return seeOther("/settings?done=password");
            }
            errors.add("currentPassword", messages.error_current_password());
        }
        return page.refused(errors, "");
    }
}
