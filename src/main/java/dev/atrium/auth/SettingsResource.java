package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in user's settings page, with what each of its forms did, and the account's sessions. The forms
 * have resources of their own: {@link PasswordSettingsResource}, {@link EmailSettingsResource},
 * {@link ApiTokenSettingsResource}.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@Authenticated
class SettingsResource {

    private final SettingsPage page;
    private final Credentials credentials;
    private final SessionCookies sessions;
    private final AuthMessages messages;

    SettingsResource(SettingsPage page, Credentials credentials, SessionCookies sessions, AuthMessages messages) {
        this.page = page;
        this.credentials = credentials;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GET
    public TemplateInstance settings(@RestQuery String done) {
        String notice = switch (done == null ? "" : done) {
            case "password" -> messages.settings_password_changed();
            case "email-sent" -> messages.settings_email_sent();
            case "email" -> messages.email_changed();
            case "token-revoked" -> messages.token_revoked();
            default -> "";
        };
        return page.show(notice);
    }

    /** Ends every session of the account, this one included, on every replica; API tokens are left alone. */
    @POST
    @Path("logout-everywhere")
    public Response logOutEverywhere(RoutingContext rc) {
        credentials.endAllSessions(page.me().username);
        sessions.end(rc);
        return seeOther("/");
    }
}
