package dev.atrium.social;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.auth.CurrentAccount;
import dev.atrium.auth.Permission;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.LocalRedirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A user's profile (their fields, their posts, who follows them and whom they follow), the follow and
 * unfollow buttons on it (POST forms with the CSRF token), and the avatar it shows.
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
class ProfileResource {

    /** Avatars depend on the account's id alone, which never changes: browsers and CDNs keep them a year. */
    private static final CacheControl AVATAR_CACHE = CacheControl.valueOf("public, max-age=31536000, immutable");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(ProfileView profile, Page<PostView> posts, boolean canFollow,
                boolean following, boolean followsYou, boolean own, boolean canAdminister);

        static native TemplateInstance people(ProfileView profile, Page<Person> people, boolean followers);
    }

    private final ProfileService profiles;
    private final FollowService follows;
    private final PostService posts;
    private final SecurityIdentity identity;

    ProfileResource(ProfileService profiles, FollowService follows, PostService posts, SecurityIdentity identity) {
        this.profiles = profiles;
        this.follows = follows;
        this.posts = posts;
        this.identity = identity;
    }

    @GET
    @Path("{username}")
    public TemplateInstance profile(@RestPath String username, @RestQuery String page) {
        int number = PageNumber.parse(page);
        ProfileView profile = profiles.view(username);
        Long me = CurrentAccount.id(identity);
        boolean own = me != null && me == profile.id();
        boolean canFollow = !own && CurrentAccount.holds(identity, Permission.FOLLOW);
        return Templates.profile(profile, posts.byAuthor(profile.id(), number), canFollow,
                canFollow && follows.isFollowing(me, profile.id()), me != null && !own && follows.isFollowing(profile.id(), me),
                own, CurrentAccount.holds(identity, Permission.ADMINISTER));
    }

    @GET
    @Path("{username}/followers")
    public TemplateInstance followers(@RestPath String username, @RestQuery String page) {
        int number = PageNumber.parse(page);
        ProfileView profile = profiles.view(username);
        return Templates.people(profile, follows.followers(profile.id(), number), true);
    }

    @GET
    @Path("{username}/following")
    public TemplateInstance following(@RestPath String username, @RestQuery String page) {
        int number = PageNumber.parse(page);
        ProfileView profile = profiles.view(username);
        return Templates.people(profile, follows.following(profile.id(), number), false);
    }

    @POST
    @Path("{username}/follow")
    @PermissionsAllowed("follow")
    public Response follow(@RestPath String username) {
        follows.follow(me(), username);
        return LocalRedirects.seeOther("/users/" + follows.existing(username).username());
    }

    @POST
    @Path("{username}/unfollow")
    @PermissionsAllowed("follow")
    public Response unfollow(@RestPath String username) {
        follows.unfollow(me(), username);
        return LocalRedirects.seeOther("/users/" + follows.existing(username).username());
    }

    /**
     * The avatar, as an SVG the browser must not take for anything else: its own type, no sniffing (set for
     * every response), and a policy that lets the document run and load nothing even when opened on its own.
     */
    @GET
    @Path("{username}/avatar.svg")
    @Produces("image/svg+xml")
    public Response avatar(@RestPath String username) {
        long id = follows.existing(username).id();
        return Response.ok(Avatars.svg(id), "image/svg+xml; charset=UTF-8").cacheControl(AVATAR_CACHE)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .build();
    }

    private long me() {
        return CurrentAccount.id(identity);
    }
}
