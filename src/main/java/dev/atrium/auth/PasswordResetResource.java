package dev.atrium.auth;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.LocalRedirects;
import dev.atrium.web.EmailAddress;
import dev.atrium.web.FormErrors;
import dev.atrium.web.RequestInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * A forgotten password: a link by email to choose a new one. Asking answers the same whether or not an
 * account has the address, so the form tells nobody which addresses have accounts; that holds for the 429
 * once an address or a client has asked too often, too. Failed logins never hold a reset back.
 */
@Path("/reset")
@Produces(MediaType.TEXT_HTML)
class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(boolean sent);

        static native TemplateInstance choose(String token, boolean valid, FormErrors errors);

        static native TemplateInstance done();
    }

    private final PasswordReset resets;
    private final PasswordPolicy passwords;
    private final AuthMessages messages;
    private final MailThrottle mailThrottle;

    PasswordResetResource(PasswordReset resets, PasswordPolicy passwords, AuthMessages messages, MailThrottle mailThrottle) {
        this.resets = resets;
        this.passwords = passwords;
        this.messages = messages;
        this.mailThrottle = mailThrottle;
    }

    @GET
    public TemplateInstance requestPage(@RestQuery boolean sent) {
        return Templates.request(sent);
    }

    @POST
    public Response request(@RestForm String email, RoutingContext rc) {
        if (email != null && email.length() <= EmailAddress.MAX) {
            // counted whether or not the address has an account: a refusal says nothing about it either
            mailThrottle.countOrRefuse(email, LoginThrottle.address(rc));
            resets.request(email, RequestInfo.current().language());
        }
        return LocalRedirects.seeOther("/reset?sent=true");
    }

    @GET
    @Path("{token}")
    public Response choosePage(@RestPath String token) {
        boolean valid = resets.target(token).isPresent();
        return Response.status(valid ? 200 : 400).entity(Templates.choose(token, valid, FormErrors.none())).build();
    }

    @POST
    @Path("{token}")
    public Response choose(@RestPath String token, @RestForm String newPassword) {
        FormErrors errors = FormErrors.none();
        passwords.check(newPassword).ifPresent(problem -> errors.add("newPassword", PasswordMessages.of(problem, messages)));
        if (errors.any()) {
            return Response.status(400).entity(Templates.choose(token, resets.target(token).isPresent(), errors))
                    .build();
        }
        return resets.reset(token, newPassword)
                .map(user -> Response.ok(Templates.done()).build())
                .orElseGet(() -> Response.status(400).entity(Templates.choose(token, false, FormErrors.none())).build());
    }
}
