package dev.atrium.social;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.auth.CurrentAccount;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * One's own profile, at {@code /settings/profile}: a class of its own path, because the account settings'
 * resource owns {@code /settings} and the REST layer matches a class's path before its methods'. The
 * profile is published text like a post, so editing it takes the write permission (a confirmed account).
 */
@Path("/settings/profile")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("write")
class ProfileSettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(String username, String realName, String location, String aboutMe,
                FormErrors errors, boolean saved);
    }

    private final ProfileService profiles;
    private final SecurityIdentity identity;
    private final Violations violations;

    ProfileSettingsResource(ProfileService profiles, SecurityIdentity identity, Violations violations) {
        this.profiles = profiles;
        this.identity = identity;
        this.violations = violations;
    }

    @GET
    public TemplateInstance edit(@RestQuery String done) {
        ProfileView profile = profiles.view(me());
        return Templates.edit(profile.username(), orEmpty(profile.realName()), orEmpty(profile.location()),
                orEmpty(profile.aboutMe()), FormErrors.none(), "saved".equals(done));
    }

    @POST
    public Response save(@RestForm String realName, @RestForm String location, @RestForm String aboutMe) {
        FormErrors errors = violations.of(new ProfileForm(realName, location, aboutMe));
        if (errors.any()) {
            // the text comes back as typed (up to a little past each limit), so nothing written is lost
            return Response.status(400).entity(Templates.edit(identity.getPrincipal().getName(),
                    FormValues.keep(realName, Profile.REAL_NAME_MAX * 4), FormValues.keep(location, Profile.LOCATION_MAX * 4),
                    FormValues.keep(aboutMe, Profile.ABOUT_MAX * 4), errors, false)).build();
        }
        profiles.update(me(), realName, location, aboutMe);
        return LocalRedirects.seeOther("/settings/profile?done=saved");
    }

    private long me() {
        return CurrentAccount.id(identity);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
