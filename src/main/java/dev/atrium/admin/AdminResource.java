package dev.atrium.admin;

import java.util.List;

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

import dev.atrium.auth.AccountService;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/** Administrators' account management: find accounts, change roles, disable and re-enable; and the audit log. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("administer")
public class AdminResource {

    static final int USERS_PAGE_SIZE = 25;
    private static final int MAX_QUERY = 254;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<User> users, String query, List<Role> roles, String error);

        static native TemplateInstance audit(Page<AuditEntry> entries);
    }

    @Inject
    AccountService accounts;
    @Inject
    AdminService admin;
    @Inject
    AuditLog audit;
    @Inject
    SecurityIdentity identity;

    @GET
    public Response home() {
        return LocalRedirects.seeOther("/admin/users");
    }

    @GET
    @Path("users")
    public TemplateInstance users(@RestQuery String q, @RestQuery String page) {
        return usersPage(q, PageNumber.parse(page), null);
    }

    @POST
    @Path("users/{username}/role")
    public Response changeRole(@RestPath String username, @RestForm String role, @RestForm String next) {
        Role chosen = parseRole(role);
        return act(() -> admin.changeRole(actor(), username, chosen), next);
    }

    @POST
    @Path("users/{username}/disable")
    public Response disable(@RestPath String username, @RestForm String next) {
        return act(() -> admin.setDisabled(actor(), username, true), next);
    }

    @POST
    @Path("users/{username}/enable")
    public Response enable(@RestPath String username, @RestForm String next) {
        return act(() -> admin.setDisabled(actor(), username, false), next);
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@RestQuery String page) {
        return Templates.audit(audit.page(PageNumber.parse(page)));
    }

    /** Runs an action and goes back to the list the form was on; a refused action re-renders it with why. */
    private Response act(Runnable action, String next) {
        try {
            action.run();
        } catch (AdminService.RefusedException e) {
            // the page words the refusal in the visitor's language: error is a key of the admin bundle
            return Response.status(409).entity(usersPage(null, 1, e.getMessage())).build();
        }
        String back = next == null || next.isBlank() ? "/admin/users" : LocalRedirects.localPathOrRoot(next);
        return LocalRedirects.seeOther(back);
    }

    private TemplateInstance usersPage(String query, int page, String error) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            throw new ProblemException(400, "A search is at most " + MAX_QUERY + " characters.");
        }
        return Templates.users(accounts.search(q, page, USERS_PAGE_SIZE), q, List.of(Role.values()), error);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Choose one of the roles " + List.of(Role.values()) + ".",
                    java.util.Map.of("role", "must be one of " + List.of(Role.values())));
        }
    }
}
