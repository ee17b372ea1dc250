package dev.atrium.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import dev.atrium.comments.CommentForm;
import dev.atrium.comments.CommentMessages;
import dev.atrium.comments.CommentPermissions;
import dev.atrium.comments.CommentService;
import dev.atrium.comments.CommentThrottle;
import dev.atrium.comments.CommentView;
import dev.atrium.posts.Page;
import dev.atrium.posts.PageNumber;
import dev.atrium.web.FormErrors;
import dev.atrium.web.ProblemException;
import dev.atrium.web.RateLimits;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Comments as JSON, with the same rules as the pages: anyone reads, accounts that may comment write, and a
 * hidden comment's text reaches only accounts that may moderate.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
@APIResponse(responseCode = "400", description = "Invalid input, one entry per invalid field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
public class CommentsApi {

    @Inject
    CommentService comments;
    @Inject
    CommentThrottle throttle;
    @Inject
    CommentMessages messages;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("posts/{id}/comments")
    @Operation(summary = "List a post's comments, oldest first, fifty to a page")
    @APIResponse(responseCode = "404", description = "No such post",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.CommentPage forPost(@RestPath long id, @RestQuery String page) {
        int number = PageNumber.parse(page);
        Page<CommentView> found = comments.forPost(id, number, CommentPermissions.canModerate(identity))
                .orElseThrow(() -> new ProblemException(404, "There is no post " + id + "."));
        return pageJson(found, "/api/v1/posts/" + id + "/comments?page=");
    }

    @POST
    @Path("posts/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("comment")
    @SecurityRequirement(name = "token")
    @Operation(summary = "Comment on a post")
    @APIResponse(responseCode = "201", description = "Created; Location names the new comment")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The account may not comment, or the token may only read")
    @APIResponse(responseCode = "404", description = "No such post",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    @APIResponse(responseCode = "429", description = "Too many comments from this account in a short time; Retry-After says when to try again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public Response create(@RestPath long id, ApiDtos.CommentInput input) {
        if (input == null) {
            throw new ProblemException(400, "Send a JSON object with a body.");
        }
        FormErrors errors = CommentForm.validate(input.body(), messages);
        if (errors.any()) {
            throw new ProblemException(400, "The comment is not valid.", errors.asMap());
        }
        long author = CommentPermissions.userId(identity);
        RateLimits.Attempt attempt = throttle.countOrRefuse(author);
        CommentService.Written written;
        try {
            written = comments.add(id, author, input.body());
        } catch (ProblemException gone) {
            throttle.takeBack(attempt);
            throw gone;
        }
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/comments/" + written.comment().id())
                .entity(json(written.comment())).build();
    }

    @GET
    @Path("comments")
    @Operation(summary = "List the site's comments, newest first, twenty-five to a page")
    public ApiDtos.CommentPage recent(@RestQuery String page) {
        return pageJson(comments.recent(PageNumber.parse(page), CommentPermissions.canModerate(identity)), "/api/v1/comments?page=");
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "Get one comment")
    @APIResponse(responseCode = "404", description = "No such comment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.CommentJson get(@RestPath long id) {
        return json(comments.get(id, CommentPermissions.canModerate(identity))
                .orElseThrow(() -> new ProblemException(404, "There is no comment " + id + ".")));
    }

    static ApiDtos.CommentJson json(CommentView comment) {
        return new ApiDtos.CommentJson(comment.id(), comment.postId(), comment.author(), comment.markdown(), comment.html(),
                comment.hidden(), comment.createdAt(),
                Map.of("self", "/api/v1/comments/" + comment.id(), "post", "/api/v1/posts/" + comment.postId(),
                        "html", "/posts/" + comment.postId() + "#comment-" + comment.id(), "author", "/api/v1/users/" + comment.author()));
    }

    private static ApiDtos.CommentPage pageJson(Page<CommentView> page, String base) {
        return new ApiDtos.CommentPage(page.items().stream().map(CommentsApi::json).toList(), page.number(), page.size(),
                page.total(), page.pages(), PostsApi.links(page, base));
    }
}
