package dev.atrium.comments;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.web.LocalRedirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Moderators' view of the site's comments, newest first, with the buttons to hide and show them again
 * (the same buttons are on each post's page). Every hide and show is in the audit log.
 */
@Path("/moderate")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("moderate")
class ModerationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance moderate(Page<CommentView> comments, String reader, String here);
    }

    private final CommentService comments;
    private final SecurityIdentity identity;

    ModerationResource(CommentService comments, SecurityIdentity identity) {
        this.comments = comments;
        this.identity = identity;
    }

    @GET
    public TemplateInstance recent(@RestQuery String page) {
        int number = PageNumber.parse(page);
        return Templates.moderate(comments.recent(number, true), identity.getPrincipal().getName(),
                number > 1 ? "/moderate?page=" + number : "/moderate");
    }

    @POST
    @Path("comments/{id}/hide")
    public Response hide(@RestPath long id, @RestForm String next) {
        return setHidden(id, true, next);
    }

    @POST
    @Path("comments/{id}/show")
    public Response show(@RestPath long id, @RestForm String next) {
        return setHidden(id, false, next);
    }

    /** Back where the moderator was ({@code next}, a local path), or else the comment on its post. */
    private Response setHidden(long id, boolean hidden, String next) {
        CommentView comment = comments.setHidden(id, hidden, identity.getPrincipal().getName())
                .orElseThrow(() -> CommentsResource.noComment(id));
        String back = LocalRedirects.localPathOrRoot(next);
        return LocalRedirects.seeOther("/".equals(back) ? "/posts/" + comment.postId() + "#comment-" + id : back);
    }
}
