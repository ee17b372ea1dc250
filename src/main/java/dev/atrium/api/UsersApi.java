package dev.atrium.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.auth.AccountDirectory;
import dev.atrium.auth.AccountView;
import dev.atrium.auth.CurrentAccount;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.posts.PostView;
import dev.atrium.social.FollowService;
import dev.atrium.social.Person;
import dev.atrium.social.ProfileService;
import dev.atrium.social.ProfileView;
import dev.atrium.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Accounts as JSON: anyone by name with their profile and follows, and {@code me} (and its followed feed) for the token's own account. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
class UsersApi {

    private final AccountDirectory accounts;
    private final SecurityIdentity identity;
    private final ProfileService profiles;
    private final FollowService follows;

    UsersApi(AccountDirectory accounts, SecurityIdentity identity, ProfileService profiles, FollowService follows) {
        this.accounts = accounts;
        this.identity = identity;
        this.profiles = profiles;
        this.follows = follows;
    }

    @GET
    @Path("me")
    @Authenticated
    @SecurityRequirement(name = "token")
    @Operation(summary = "The account the token belongs to")
    @APIResponse(responseCode = "401", description = "No valid token")
    public ApiDtos.MeJson me() {
        AccountView user = accounts.byUsername(CurrentAccount.username(identity)).orElseThrow();
        return new ApiDtos.MeJson(user.username(), user.email(), user.role().name(), user.confirmed(),
                user.confirmed() ? user.role().permissions().stream().map(p -> p.id()).sorted().toList() : java.util.List.of(),
                Map.of("self", "/api/v1/users/me", "public", "/api/v1/users/" + user.username()));
    }

    @GET
    @Path("{username}")
    @Operation(summary = "An account by its username, with its profile")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.UserJson byName(@RestPath String username) {
        AccountView user = accounts.byUsername(username)
                .filter(u -> !u.disabled())
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
        ProfileView profile = profiles.view(user.id());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/users/" + user.username());
        links.put("html", "/users/" + user.username());
        links.put("avatar", "/users/" + user.username() + "/avatar.svg");
        links.put("followers", "/api/v1/users/" + user.username() + "/followers");
        links.put("following", "/api/v1/users/" + user.username() + "/following");
        return new ApiDtos.UserJson(user.username(), user.role().name(), user.createdAt(), profile.realName(), profile.location(),
                profile.aboutMe(), profile.aboutHtml(), profile.lastSeen(), profile.followers(), profile.following(), links);
    }

    @GET
    @Path("{username}/followers")
    @Operation(summary = "Who follows the account, most recent first, 25 to a page")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    @APIResponse(responseCode = "400", description = "page is not a whole number from 1 to 100,000",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.PersonPage followers(@RestPath String username, @RestQuery String page) {
        int number = PageNumber.parse(page);
        AccountView user = follows.existing(username);
        return people(follows.followers(user.id(), number), "/api/v1/users/" + user.username() + "/followers");
    }

    @GET
    @Path("{username}/following")
    @Operation(summary = "Whom the account follows, most recent first, 25 to a page")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    @APIResponse(responseCode = "400", description = "page is not a whole number from 1 to 100,000",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.PersonPage following(@RestPath String username, @RestQuery String page) {
        int number = PageNumber.parse(page);
        AccountView user = follows.existing(username);
        return people(follows.following(user.id(), number), "/api/v1/users/" + user.username() + "/following");
    }

    @GET
    @Path("me/feed")
    @Authenticated
    @SecurityRequirement(name = "token")
    @Operation(summary = "The token's account's followed feed: its own posts and those of everyone it follows, newest first")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "400", description = "page is not a whole number from 1 to 100,000",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.PostPage feed(@RestQuery String page) {
        int number = PageNumber.parse(page);
        AccountView user = accounts.byUsername(CurrentAccount.username(identity)).orElseThrow();
        Page<PostView> posts = follows.feed(user.id(), number);
        return new ApiDtos.PostPage(posts.items().stream().map(PostsApi::json).toList(), posts.number(), posts.size(),
                posts.total(), posts.pages(), links(posts, "/api/v1/users/me/feed"));
    }

    private static ApiDtos.PersonPage people(Page<Person> people, String base) {
        List<ApiDtos.PersonJson> items = people.items().stream().map(person -> new ApiDtos.PersonJson(person.username(),
                person.since(), Map.of("self", "/api/v1/users/" + person.username(), "html", "/users/" + person.username())))
                .toList();
        return new ApiDtos.PersonPage(items, people.number(), people.size(), people.total(), people.pages(), links(people, base));
    }

    /** The list's pagination links, made as the posts list's are. */
    private static Map<String, String> links(Page<?> page, String path) {
        return PostsApi.links(page, path + "?page=");
    }
}
