package dev.atrium.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.posts.PostForm;
import dev.atrium.posts.PostPermissions;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.ProblemException;
import dev.atrium.web.Violations;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/** Posts as JSON, with the same permission rules as the pages. */
@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
@APIResponse(responseCode = "400", description = "Invalid input, one entry per invalid field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
class PostsApi {

    private final PostService posts;
    private final Violations violations;
    private final SecurityIdentity identity;

    PostsApi(PostService posts, Violations violations, SecurityIdentity identity) {
        this.posts = posts;
        this.violations = violations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List posts, newest first, ten to a page")
    public ApiDtos.PostPage list(@RestQuery String page) {
        int number = PageNumber.parse(page);
        return pageJson(number == 1 ? posts.firstPage() : posts.page(number));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one post")
    @APIResponse(responseCode = "404", description = "No such post",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.PostJson get(@RestPath long id) {
        return json(find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("write")
    @SecurityRequirement(name = "token")
    @Operation(summary = "Write a post")
    @APIResponse(responseCode = "201", description = "Created; Location names the new post")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The account may not write, or the token may only read")
    public Response create(PostForm input) {
        checked(input);
        PostView post = posts.create(PostPermissions.userId(identity), input.title(), input.body());
        // a relative Location: the REST layer would make it absolute from the request's Host, the client's to choose
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/posts/" + post.id())
                .entity(json(post)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @SecurityRequirement(name = "token")
    @Operation(summary = "Change a post: its author or a moderator")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the author, not a moderator, or the token may only read")
    public ApiDtos.PostJson update(@RestPath long id, PostForm input) {
        PostView post = find(id);
        if (!PostPermissions.canEdit(identity, post)) {
            throw new ForbiddenException();
        }
        checked(input);
        return json(posts.update(id, input.title(), input.body()).orElseThrow(() -> notFound(id)));
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @SecurityRequirement(name = "token")
    @Operation(summary = "Delete a post: its author or an administrator")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the author, not an administrator, or the token may only read")
    public Response delete(@RestPath long id) {
        PostView post = find(id);
        if (!PostPermissions.canDelete(identity, post)) {
            throw new ForbiddenException();
        }
        posts.delete(id);
        return Response.noContent().build();
    }

    private PostView find(long id) {
        return posts.get(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(404, "There is no post " + id + ".");
    }

    private void checked(PostForm input) {
        violations.require(input, "Send a JSON object with a title and a body.", "The post is not valid.");
    }

    static ApiDtos.PostJson json(PostView post) {
        return new ApiDtos.PostJson(post.id(), post.title(), post.markdown(), post.html(), post.author(),
                post.createdAt(), post.updatedAt(), post.comments(),
                Map.of("self", "/api/v1/posts/" + post.id(), "html", "/posts/" + post.id(),
                        "author", "/api/v1/users/" + post.author(), "comments", "/api/v1/posts/" + post.id() + "/comments"));
    }

    static ApiDtos.PostPage pageJson(Page<PostView> page) {
        return new ApiDtos.PostPage(page.items().stream().map(PostsApi::json).toList(), page.number(), page.size(),
                page.total(), page.pages(), links(page, "/api/v1/posts?page="));
    }

    /** The pagination links of a page of a list at {@code base} (ending in {@code page=}). */
    static Map<String, String> links(Page<?> page, String base) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + page.number());
        links.put("first", base + 1);
        if (page.hasPrevious()) {
            links.put("prev", base + page.previous());
        }
        if (page.hasNext()) {
            links.put("next", base + page.next());
        }
        links.put("last", base + page.pages());
        return links;
    }
}
