package dev.atrium.admin;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.auth.AccountDirectory;
import dev.atrium.auth.AccountView;
import dev.atrium.auth.CurrentAccount;
import dev.atrium.auth.Role;
import dev.atrium.social.Profile;
import dev.atrium.social.ProfileForm;
import dev.atrium.social.ProfileService;
import dev.atrium.social.ProfileView;
import dev.atrium.web.EmailAddress;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.ProblemException;
import dev.atrium.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/** Administrators' account management: find accounts, change roles, disable and re-enable; and the audit log. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("administer")
class AdminResource {

    static final int USERS_PAGE_SIZE = 25;
    /** A query is an email address or a username, or part of one. */
    private static final int MAX_QUERY = EmailAddress.MAX;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<AccountView> users, String query, List<Role> roles, String error);

        static native TemplateInstance audit(Page<AuditLine> entries);

        static native TemplateInstance edit(String username, String realName, String location, String aboutMe,
                Role role, boolean confirmed, List<Role> roles, FormErrors errors, String error, boolean saved);
    }

    private final AccountDirectory accounts;
    private final AdminService admin;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ProfileService profiles;
    private final Violations violations;

    AdminResource(AccountDirectory accounts, AdminService admin, AuditLog audit, SecurityIdentity identity,
            ProfileService profiles, Violations violations) {
        this.accounts = accounts;
        this.admin = admin;
        this.audit = audit;
        this.identity = identity;
        this.profiles = profiles;
        this.violations = violations;
    }

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

    /** An account's profile, role and confirmation on one form (the list's forms change role and status alone). */
    @GET
    @Path("users/{username}/edit")
    public TemplateInstance edit(@RestPath String username, @RestQuery String done) {
        AccountView user = accounts.byUsername(username).orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
        ProfileView profile = profiles.view(user.id());
        return Templates.edit(user.username(), orEmpty(profile.realName()), orEmpty(profile.location()), orEmpty(profile.aboutMe()),
                user.role(), user.confirmed(), List.of(Role.values()), FormErrors.none(), null, "saved".equals(done));
    }

    @POST
    @Path("users/{username}/edit")
    public Response saveEdit(@RestPath String username, @RestForm String realName, @RestForm String location,
            @RestForm String aboutMe, @RestForm String role, @RestForm String confirmed) {
        AccountView user = accounts.byUsername(username).orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
        Role chosen = parseRole(role);
        boolean isConfirmed = "true".equals(confirmed);
        FormErrors errors = violations.of(new ProfileForm(realName, location, aboutMe));
        String refused = null;
        if (!errors.any()) {
            try {
                admin.edit(actor(), username, new AdminService.AccountEdit(realName, location, aboutMe, chosen, isConfirmed));
                return LocalRedirects.seeOther("/admin/users/" + user.username() + "/edit?done=saved");
            } catch (AdminService.RefusedException e) {
                refused = e.getMessage();
            }
        }
        // shown again as typed, with why it was refused
        return Response.status(refused != null ? 409 : 400).entity(Templates.edit(user.username(),
                FormValues.keep(realName, Profile.REAL_NAME_MAX * 4), FormValues.keep(location, Profile.LOCATION_MAX * 4),
                FormValues.keep(aboutMe, Profile.ABOUT_MAX * 4), chosen, isConfirmed, List.of(Role.values()), errors, refused, false))
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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
        return CurrentAccount.username(identity);
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
