package dev.atrium.comments;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import dev.atrium.web.Page;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.ProblemException;
import dev.atrium.web.RateLimits;
import dev.atrium.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Writing and deleting comments from the post's page. The list and the form are on that page
 * ({@link CommentSection}); a comment the form refuses comes back on a page of its own, with the message and
 * the text kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class CommentsResource {

    @CheckedTemplate
    static class Templates {
        /** The comments on a post's page. {@code reader} is the signed-in username, or empty. */
        static native TemplateInstance section(PostView post, Page<CommentView> comments, String reader, boolean canComment,
                boolean canModerate, String here);

        /** The form again, for a comment it refused. */
        static native TemplateInstance form(PostView post, String body, FormErrors errors);
    }

    private final CommentService comments;
    private final PostService posts;
    private final CommentThrottle throttle;
    private final SecurityIdentity identity;
    private final Violations violations;

    CommentsResource(CommentService comments, PostService posts, CommentThrottle throttle, SecurityIdentity identity,
            Violations violations) {
        this.comments = comments;
        this.posts = posts;
        this.throttle = throttle;
        this.identity = identity;
        this.violations = violations;
    }

    @POST
    @Path("posts/{id}/comments")
    @PermissionsAllowed("comment")
    public Response create(@RestPath long id, @RestForm String body) {
        PostView post = posts.get(id).orElseThrow(() -> CommentService.noPost(id));
        FormErrors errors = violations.of(new CommentForm(body));
        if (errors.any()) {
            return Response.status(400).entity(Templates.form(post, FormValues.keep(body, Comment.BODY_MAX), errors)).build();
        }
        long author = CommentPermissions.userId(identity);
        RateLimits.Attempt attempt = throttle.countOrRefuse(author);
        CommentService.Written written;
        try {
            written = comments.add(id, author, body);
        } catch (ProblemException gone) {
            throttle.takeBack(attempt); // the post went meanwhile: nothing was written
            throw gone;
        }
        return LocalRedirects.seeOther(CommentSection.address(id, written.page()) + "#comment-" + written.comment().id());
    }

    /** Its author takes a comment back; it goes for good, and the post's count with it. */
    @POST
    @Path("comments/{id}/delete")
    @Authenticated
    public Response delete(@RestPath long id) {
        CommentView comment = comments.get(id, false).orElseThrow(() -> noComment(id));
        if (!CommentPermissions.canDelete(identity, comment)) {
            throw new ForbiddenException();
        }
        comments.delete(id);
        return LocalRedirects.seeOther("/posts/" + comment.postId() + "#comments");
    }

    static ProblemException noComment(long id) {
        return new ProblemException(404, "There is no comment " + id + ".");
    }
}
