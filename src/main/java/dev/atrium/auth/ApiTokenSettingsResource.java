package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import dev.atrium.web.FormErrors;
import dev.atrium.web.ProblemException;
import dev.atrium.web.Violations;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/** The settings page's API tokens: create one (shown this once) and revoke one. */
@Path("/settings/tokens")
@Produces(MediaType.TEXT_HTML)
@Authenticated
class ApiTokenSettingsResource {

    private final SettingsPage page;
    private final Credentials credentials;
    private final ApiTokenService apiTokens;
    private final AuthMessages messages;
    private final LoginThrottle throttle;
    private final Violations violations;

    ApiTokenSettingsResource(SettingsPage page, Credentials credentials, ApiTokenService apiTokens, AuthMessages messages,
            LoginThrottle throttle, Violations violations) {
        this.page = page;
        this.credentials = credentials;
        this.apiTokens = apiTokens;
        this.messages = messages;
        this.throttle = throttle;
        this.violations = violations;
    }

    /**
     * Creates an API token and shows it, this once. It asks for the current password, as the other changes
     * here do, so that a session left open (or taken) cannot mint a credential that outlives it.
     */
    @POST
    public Response createToken(@RestForm String name, @RestForm String currentPassword, @RestForm String scope,
            @RestForm String expiry, @RestForm String expiresOn, RoutingContext rc) {
        TokenForm form = new TokenForm(name, scope, expiry, expiresOn);
        FormErrors errors = violations.of(form);
        // the slow password check only for an otherwise valid form, counted like a login; the token is made under
        // the same lock as the check, so a password change at the same moment either revokes it or fails the check
        Optional<String> created = errors.any() ? Optional.empty()
                : withCurrentPassword(currentPassword, rc, user -> apiTokens.create(user.id, form.tokenName(),
                        form.scope(), form.expiresAt(Instant.now()).orElse(null)));
        if (!errors.any() && created.isEmpty()) {
            errors.add("tokenCurrentPassword", messages.error_current_password());
        }
        if (errors.any()) {
            return page.refused(errors, form.shownBack());
        }
        return Response.ok(page.showNewToken(messages.token_created(), created.orElseThrow()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{id}/revoke")
    public Response revokeToken(@RestPath long id) {
        if (!apiTokens.revoke(page.me().id, id)) {
            throw new ProblemException(404, "You have no such token.");
        }
        return seeOther("/settings?done=token-revoked");
    }

    /**
     * Runs {@code change} if {@code currentPassword} is right: counted like a login before the check (a session
     * left open must not be a way to guess the password), and run under the account's lock with the check
     * (see {@link Credentials#withPassword}). Empty when the password is wrong.
     */
    private <T> Optional<T> withCurrentPassword(String currentPassword, RoutingContext rc, Function<User, T> change) {
        User me = page.me();
        LoginThrottle.Counted check = throttle.countCurrentPassword(me, rc);
        Optional<T> done = credentials.withPassword(me.username, currentPassword, change);
        if (done.isPresent()) {
            check.passed();
        }
        return done;
    }
}
