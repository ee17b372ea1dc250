package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.FormErrors;
import dev.atrium.web.RateLimits;
import dev.atrium.web.RequestInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in user's own account: password and email address, each change checked with the current password,
 * which is counted like a login (LoginThrottle); the email change's mail is limited like every account email.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(AccountView user, String notice, String newEmail, FormErrors errors,
                List<ApiTokenView> tokens, String newToken, TokenForm tokenForm);

        static native TemplateInstance emailChange(String token, String email, LinkState state);
    }

    @Inject
    AccountDirectory accounts;
    @Inject
    Credentials credentials;
    @Inject
    EmailChange emailChanges;
    @Inject
    PasswordPolicy passwords;
    @Inject
    SessionCookies sessions;
    @Inject
    AuthMessages messages;
    @Inject
    SecurityIdentity identity;
    @Inject
    ApiTokenService apiTokens;
    @Inject
    LoginThrottle throttle;
    @Inject
    MailThrottle mailThrottle;

    @GET
    public TemplateInstance settings(@RestQuery String done) {
        String notice = switch (done == null ? "" : done) {
            case "password" -> messages.settings_password_changed();
            case "email-sent" -> messages.settings_email_sent();
            case "email" -> messages.email_changed();
            case "token-revoked" -> messages.token_revoked();
            default -> "";
        };
        return page(notice, "", FormErrors.none(), "");
    }

    /**
     * Creates an API token and shows it, this once. It asks for the current password, as the other changes
     * here do, so that a session left open (or taken) cannot mint a credential that outlives it.
     */
    @POST
    @Path("tokens")
    public Response createToken(@RestForm String name, @RestForm String currentPassword, @RestForm String scope,
            @RestForm String expiry, @RestForm String expiresOn, RoutingContext rc) {
        TokenForm form = new TokenForm(name, scope, expiry, expiresOn);
        Instant now = Instant.now();
        FormErrors errors = form.validate(messages, now);
        // the slow password check only for an otherwise valid form, counted like a login; the token is made under
        // the same lock as the check, so a password change at the same moment either revokes it or fails the check
        Optional<String> created = errors.any() ? Optional.empty()
                : withCurrentPassword(currentPassword, rc, user -> apiTokens.create(user.id, form.name(),
                        form.parsedScope().orElseThrow(), form.parsedExpiry(now).orElseThrow().orElse(null)));
        if (!errors.any() && created.isEmpty()) {
            errors.add("tokenCurrentPassword", messages.error_current_password());
        }
        if (errors.any()) {
            return Response.status(400).entity(page("", "", errors, "", form.shownBack())).build();
        }
        String token = created.orElseThrow();
        return Response.ok(page(messages.token_created(), "", FormErrors.none(), token))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@RestPath long id) {
        if (!apiTokens.revoke(me().id, id)) {
            throw new dev.atrium.web.ProblemException(404, "You have no such token.");
        }
        return seeOther("/settings?done=token-revoked");
    }

    private TemplateInstance page(String notice, String newEmail, FormErrors errors, String newToken) {
        return page(notice, newEmail, errors, newToken, TokenForm.NEW);
    }

    private TemplateInstance page(String notice, String newEmail, FormErrors errors, String newToken, TokenForm tokenForm) {
        User user = me();
        return Templates.settings(AccountView.of(user), notice, newEmail, errors, apiTokens.list(user.id), newToken, tokenForm);
    }

    @POST
    @Path("password")
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword, RoutingContext rc) {
        FormErrors errors = FormErrors.none();
        passwords.check(newPassword).ifPresent(problem -> errors.add("newPassword", PasswordMessages.of(problem, messages)));
        if (!errors.any()) {
            String accountKey = LoginThrottle.accountKey(me());
            RateLimits.Attempt check = throttle.attemptOrRefuse(accountKey, LoginThrottle.address(rc));
            OptionalLong sessionVersion = credentials.changePassword(me().username, currentPassword, newPassword);
            if (sessionVersion.isPresent()) {
                throttle.succeeded(check, accountKey, LoginThrottle.address(rc));
                // every session of the account has ended; this one goes on as a fresh one under the new version
                sessions.start(rc, me().username, sessionVersion.getAsLong());
                return seeOther("/settings?done=password");
            }
            errors.add("currentPassword", messages.error_current_password());
        }
        return Response.status(400).entity(page("", "", errors, "")).build();
    }

    /** Ends every session of the account, this one included, on every replica; API tokens are left alone. */
    @POST
    @Path("logout-everywhere")
    public Response logOutEverywhere(RoutingContext rc) {
        credentials.endAllSessions(me().username);
        sessions.end(rc);
        return seeOther("/");
    }

    @POST
    @Path("email")
    public Response changeEmail(@RestForm String currentPassword, @RestForm String newEmail, RoutingContext rc) {
        FormErrors errors = FormErrors.none();
        if (newEmail == null || newEmail.length() > 254 || !RegistrationForm.EMAIL.matcher(newEmail.trim()).matches()) {
            errors.add("newEmail", messages.error_email());
        } else {
            User user = me();
            String accountKey = LoginThrottle.accountKey(user);
            String address = LoginThrottle.address(rc);
            RateLimits.Attempt check = throttle.attemptOrRefuse(accountKey, address);
            // the same answer whether or not another account holds the address: its holder hears of it, never
            // the requester, and no link goes to an address that has an account already; either way one mail
            // to that address, counted against its limit once the password is right (a 429 then changes nothing)
            var request = emailChanges.request(user.username, currentPassword, newEmail, RequestInfo.current().language(),
                    () -> {
                        throttle.succeeded(check, accountKey, address);
                        mailThrottle.countOrRefuse(newEmail, user, address);
                    });
            if (request.isPresent()) {
                return seeOther("/settings?done=email-sent");
            }
            errors.add("emailCurrentPassword", messages.error_current_password());
        }
        String kept = newEmail == null ? "" : newEmail.substring(0, Math.min(newEmail.length(), 254));
        return Response.status(400).entity(page("", kept, errors, "")).build();
    }

    /**
     * The link from the email opens a page with a button: GET changes nothing. The link works only in the
     * session of the account that asked for it (anyone else signed in gets a 403 and the address is not shown).
     */
    @GET
    @Path("email/{token}")
    public Response emailChangePage(@RestPath String token) {
        var link = emailChanges.link(token);
        if (link.isEmpty()) {
            return emailChangeAnswer(400, token, "", LinkState.INVALID);
        }
        if (link.get().userId() != me().id) {
            return emailChangeAnswer(403, token, "", LinkState.OTHER_ACCOUNT);
        }
        return emailChangeAnswer(200, token, link.get().newEmail(), LinkState.VALID);
    }

    @POST
    @Path("email/{token}")
    public Response confirmEmailChange(@RestPath String token) {
        long myId = me().id;
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

    /**
     * Runs {@code change} if {@code currentPassword} is right: counted like a login before the check (a session
     * left open must not be a way to guess the password), and run under the account's lock with the check
     * (see {@link Credentials#withPassword}). Empty when the password is wrong.
     */
    private <T> Optional<T> withCurrentPassword(String currentPassword, RoutingContext rc, Function<User, T> change) {
        String accountKey = LoginThrottle.accountKey(me());
        RateLimits.Attempt check = throttle.attemptOrRefuse(accountKey, LoginThrottle.address(rc));
        Optional<T> done = credentials.withPassword(me().username, currentPassword, change);
        if (done.isPresent()) {
            throttle.succeeded(check, accountKey, LoginThrottle.address(rc));
        }
        return done;
    }

    private User me() {
        return accounts.account(identity.getPrincipal().getName()).orElseThrow();
    }
}
