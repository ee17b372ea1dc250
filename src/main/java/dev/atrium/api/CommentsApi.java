package dev.atrium.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.comments.CommentPermissions;
import dev.atrium.comments.CommentService;
import dev.atrium.comments.CommentView;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** The site's comments as JSON, newest first; a hidden comment's text reaches only accounts that may moderate. */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
@APIResponse(responseCode = "400", description = "A page that is not a whole number from 1",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
class CommentsApi {

    private final CommentService comments;
    private final SecurityIdentity identity;

    CommentsApi(CommentService comments, SecurityIdentity identity) {
        this.comments = comments;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List the site's comments, newest first, twenty-five to a page")
    public ApiDtos.CommentPage recent(@RestQuery String page) {
        return pageJson(comments.recent(PageNumber.parse(page), CommentPermissions.canModerate(identity)), "/api/v1/comments?page=");
    }

    @GET
    @Path("{id}")
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

    static ApiDtos.CommentPage pageJson(Page<CommentView> page, String base) {
        return new ApiDtos.CommentPage(page.items().stream().map(CommentsApi::json).toList(), page.number(), page.size(),
                page.total(), page.pages(), PostsApi.links(page, base));
    }
}
