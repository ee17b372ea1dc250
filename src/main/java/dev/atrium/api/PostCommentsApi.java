package dev.atrium.api;

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
import dev.atrium.comments.CommentPermissions;
import dev.atrium.comments.CommentService;
import dev.atrium.comments.CommentThrottle;
import dev.atrium.comments.CommentView;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.web.ProblemException;
import dev.atrium.web.RateLimits;
import dev.atrium.web.Violations;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A post's comments as JSON, with the same rules as the pages: anyone reads, accounts that may comment
 * write, and a hidden comment's text reaches only accounts that may moderate. A class of its own: the
 * REST layer picks the resource class by its path first, and PostsApi's {@code /api/v1/posts} would
 * take these addresses from a class at {@code /api/v1}.
 */
@Path("/api/v1/posts/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
@APIResponse(responseCode = "400", description = "Invalid input, one entry per invalid field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
class PostCommentsApi {

    private final CommentService comments;
    private final CommentThrottle throttle;
    private final Violations violations;
    private final SecurityIdentity identity;

    PostCommentsApi(CommentService comments, CommentThrottle throttle, Violations violations, SecurityIdentity identity) {
        this.comments = comments;
        this.throttle = throttle;
        this.violations = violations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List a post's comments, oldest first, fifty to a page")
    @APIResponse(responseCode = "404", description = "No such post",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.CommentPage forPost(@RestPath long id, @RestQuery String page) {
        int number = PageNumber.parse(page);
        Page<CommentView> found = comments.forPost(id, number, CommentPermissions.canModerate(identity))
                .orElseThrow(() -> new ProblemException(404, "There is no post " + id + "."));
        return CommentsApi.pageJson(found, "/api/v1/posts/" + id + "/comments?page=");
    }

    @POST
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
    public Response create(@RestPath long id, CommentForm input) {
        violations.require(input, "Send a JSON object with a body.", "The comment is not valid.");
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
                .entity(CommentsApi.json(written.comment())).build();
    }
}
