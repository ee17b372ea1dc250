package dev.atrium.auth;

import static dev.atrium.web.LocalRedirects.seeOther;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.CookiePolicy;
import dev.atrium.web.EmailAddress;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.RequestInfo;
import dev.atrium.web.Violations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The seed's {@code auth} blueprint: log in and out, register, confirm the email address. Every form is a
 * POST with a CSRF token (checked by quarkus-rest-csrf, the login form included); pages that fail
 * validation come back with each field's message and the user's input, never the password.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class AuthResource {

    private static final Logger LOG = Logger.getLogger(AuthResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String login, String next, FormErrors errors);

        static native TemplateInstance register(String email, String username, FormErrors errors);

        static native TemplateInstance checkEmail();

        static native TemplateInstance confirm(String token, boolean valid);

        static native TemplateInstance confirmed(String username);

        /** {@code mail}: how the latest confirmation mail stands (PENDING, SENT, FAILED), or empty if none is listed. */
        static native TemplateInstance unconfirmed(String email, boolean resent, String mail);
    }

    private final MeterRegistry registry;
    private final Registration registration;
    private final ConfirmationLinks confirmations;
    private final Credentials credentials;
    private final AccountDirectory accounts;
    private final PasswordPolicy passwords;
    private final SessionCookies sessions;
    private final AuthMessages messages;
    private final SecurityIdentity identity;
    private final LoginThrottle throttle;
    private final MailThrottle mailThrottle;
    private final EndedSessions endedSessions;
    private final Violations violations;

    AuthResource(MeterRegistry registry, Registration registration, ConfirmationLinks confirmations, Credentials credentials,
            AccountDirectory accounts, PasswordPolicy passwords, SessionCookies sessions, AuthMessages messages,
            SecurityIdentity identity, LoginThrottle throttle, MailThrottle mailThrottle, EndedSessions endedSessions,
            Violations violations) {
        this.registry = registry;
        this.registration = registration;
        this.confirmations = confirmations;
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.messages = messages;
        this.identity = identity;
        this.throttle = throttle;
        this.mailThrottle = mailThrottle;
        this.endedSessions = endedSessions;
        this.violations = violations;
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage(@RestQuery String next) {
        return Templates.login("", LocalRedirects.localPathOrRoot(next), FormErrors.none());
    }

    @POST
    @Path("login")
    public Response login(@RestForm String login, @RestForm String password, @RestForm String next,
            RoutingContext rc) {
        Optional<User> account = credentials.byLogin(login);
        // counted before the password is checked: concurrent guesses cannot all be checked before the count rises
        LoginThrottle.Counted check = throttle.countLogin(account, login, rc);
        Optional<User> user = credentials.authenticate(account, password);
        if (user.isEmpty()) {
            Counter.builder("atrium.logins.failed").description("Logins refused for a wrong login or password")
                    .register(registry).increment();
            LOG.debugf("Failed login");
            FormErrors errors = FormErrors.none().add("login", messages.login_failed());
            return Response.status(400).entity(Templates.login(FormValues.keep(login, EmailAddress.MAX), LocalRedirects.localPathOrRoot(next), errors))
                    .build();
        }
        check.passed();
        // a session this browser held before ends for good, as at logout: copies of its cookies stop working
        SessionCookies.current(rc).ifPresent(endedSessions::end);
        sessions.start(rc, user.get().username, user.get().sessionVersion);
        CookiePolicy.renewCsrfToken(rc);
        return seeOther(LocalRedirects.localPathOrRoot(next));
    }

    /** Ends the session for good: the browser drops its cookies, and every replica refuses any copy of them. */
    @POST
    @Path("logout")
    public Response logout(RoutingContext rc) {
        SessionCookies.current(rc).ifPresent(endedSessions::end);
        sessions.end(rc);
        return seeOther("/");
    }

    @GET
    @Path("register")
    public TemplateInstance registerPage() {
        return Templates.register("", "", FormErrors.none());
    }

    @POST
    @Path("register")
    public Response register(@RestForm String email, @RestForm String username, @RestForm String password,
            RoutingContext rc) {
        RegistrationForm form = new RegistrationForm(email, username, password);
        FormErrors errors = form.validate(violations, passwords, messages);
        if (!errors.any()) {
            // before the slow hash and the mail; counted alike for a new address and a taken one
            mailThrottle.countOrRefuse(email, LoginThrottle.address(rc));
            try {
                registration.register(email, username, password, RequestInfo.current().language());
                return seeOther("/register/sent");
            } catch (AlreadyTakenException e) {
                if (e.taken() == AlreadyTakenException.Taken.USERNAME) {
                    errors.add("username", messages.error_username_taken());
                } else {
                    // the same answer as a new account: the owner of the address hears of it, nobody else
                    registration.tellOwnerOfRegistration(email, RequestInfo.current().language());
                    return seeOther("/register/sent");
                }
            }
        }
        return Response.status(400).entity(Templates.register(FormValues.keep(email, EmailAddress.MAX), FormValues.keep(username, 32), errors)).build();
    }

    @GET
    @Path("register/sent")
    public TemplateInstance checkEmail() {
        return Templates.checkEmail();
    }

    /** Shows a button rather than confirming at once: mail scanners follow links, and GET changes nothing. */
    @GET
    @Path("confirm/{token}")
    public Response confirmPage(@RestPath String token) {
        boolean valid = confirmations.isValid(token);
        return Response.status(valid ? 200 : 400).entity(Templates.confirm(token, valid)).build();
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@RestPath String token) {
        return confirmations.confirm(token)
                .map(user -> Response.ok(Templates.confirmed(user.username)))
                .orElseGet(() -> Response.status(400).entity(Templates.confirm(token, false)))
                .build();
    }

    @GET
    @Path("unconfirmed")
    @Authenticated
    public TemplateInstance unconfirmed(@RestQuery boolean resent) {
        User user = accounts.account(identity.getPrincipal().getName()).orElseThrow();
        String mail = confirmations.latestMail(user).map(Enum::name).orElse("");
        return Templates.unconfirmed(user.email, resent, mail);
    }

    @POST
    @Path("confirm/resend")
    @Authenticated
    public Response resend(RoutingContext rc) {
        User user = accounts.account(identity.getPrincipal().getName()).orElseThrow();
        if (!user.confirmed) {
            mailThrottle.countOrRefuse(user.email, user, LoginThrottle.address(rc));
            confirmations.sendAgain(user.username, RequestInfo.current().language());
        }
        return seeOther("/unconfirmed?resent=true");
    }

}
