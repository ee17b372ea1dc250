package dev.atrium.posts;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.cache.HeldPages;
import dev.atrium.web.LocalRedirects;
import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;
import dev.atrium.web.Language;
import dev.atrium.web.ProblemException;
import dev.atrium.web.RequestInfo;
import dev.atrium.web.Violations;
import dev.atrium.web.PageNumber;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/** The blog's pages: a post's permalink, writing and editing. Authors' profiles are the social feature's. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class PostsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance post(PostView post, boolean canEdit, boolean canDelete, String section);

        static native TemplateInstance editor(Long id, String title, String body, FormErrors errors);

        static native TemplateInstance delete(PostView post);
    }

    private final PostService posts;
    private final SecurityIdentity identity;
    private final HeldPages heldPages;
    private final MarkdownPreview preview;
    private final PostPageSection section;
    private final Violations violations;

    PostsResource(PostService posts, SecurityIdentity identity, HeldPages heldPages, MarkdownPreview preview,
            PostPageSection section, Violations violations) {
        this.posts = posts;
        this.identity = identity;
        this.heldPages = heldPages;
        this.preview = preview;
        this.section = section;
        this.violations = violations;
    }

    /** A post with a page of its comments ({@code page}, oldest first), which {@link PostPageSection} renders. */
    @GET
    @Path("posts/{id}")
    public Response post(@RestPath long id, @RestQuery String page, Request request) {
        int number = PageNumber.parse(page);
        long generation = heldPages.generation(); // before reading the post: see HeldPages
        PostView post = posts.get(id).orElseThrow(() -> new ProblemException(404, "There is no post " + id + "."));
        // the page shows who is signed in and in which language, so those are part of its version; and its
        // comments, which change the page but not the post
        Language language = RequestInfo.current().language();
        Instant changed = post.pageChangedAt();
        EntityTag tag = new EntityTag(Long.toHexString(post.updatedAt().toEpochMilli()) + "-"
                + Long.toHexString(changed.toEpochMilli()) + "-" + number + "-"
                + Integer.toHexString((identity.isAnonymous() ? "" : identity.getPrincipal().getName()).hashCode())
                + "-" + language.tag(), true);
        Date modified = Date.from(changed);
        Response.ResponseBuilder unchanged = unchangedSince(request, modified, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        TemplateInstance html = Templates.post(post, PostPermissions.canEdit(identity, post), PostPermissions.canDelete(identity, post),
                section.render(post, number, language.locale()));
        if (!identity.isAnonymous() || page != null || !RequestInfo.current().isPath("/posts/" + post.id())) {
            // a signed-in page is the reader's own; another spelling of the address ("/posts/0001",
            // "/posts/1;x=...") would put the visitor's text in the page held for everyone; and the page held
            // is the one without a query, the first of the comments
            return Response.ok(html).tag(tag).lastModified(modified).build();
        }
        // alike for every anonymous visitor of this language: rendered here, then held for the event loop
        String rendered = html.setLocale(language.locale()).render();
        Response response = Response.ok(rendered, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).tag(tag).lastModified(modified).build();
        // the validators as the REST layer writes them, so the held page is sent with exactly the same headers
        heldPages.hold("/posts/" + post.id(), language, generation, rendered,
                response.getHeaderString(HttpHeaders.ETAG), response.getHeaderString(HttpHeaders.LAST_MODIFIED));
        return response;
    }

    @GET
    @Path("posts/new")
    @PermissionsAllowed("write")
    public TemplateInstance newPost() {
        return Templates.editor(null, "", "", FormErrors.none());
    }

    @POST
    @Path("posts")
    @PermissionsAllowed("write")
    public Response create(@RestForm String title, @RestForm String body) {
        FormErrors errors = violations.of(new PostForm(title, body));
        if (errors.any()) {
            return Response.status(400).entity(Templates.editor(null, FormValues.keep(title, Post.TITLE_MAX), FormValues.keep(body, Post.BODY_MAX), errors))
                    .build();
        }
        PostView post = posts.create(PostPermissions.userId(identity), title, body);
        return LocalRedirects.seeOther("/posts/" + post.id());
    }

    /** The editor's live preview (app.js): JSON in and out, with the session and the CSRF token in a header. */
    @POST
    @Path("posts/preview")
    @PermissionsAllowed("write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> preview(Map<String, String> input) {
        return Map.of("html", preview.render(PostPermissions.userId(identity), input == null ? null : input.get("markdown")));
    }

    @GET
    @Path("posts/{id}/edit")
    @Authenticated
    public TemplateInstance edit(@RestPath long id) {
        PostView post = editable(id);
        return Templates.editor(post.id(), post.title(), post.markdown(), FormErrors.none());
    }

    @POST
    @Path("posts/{id}")
    @Authenticated
    public Response update(@RestPath long id, @RestForm String title, @RestForm String body) {
        editable(id);
        FormErrors errors = violations.of(new PostForm(title, body));
        if (errors.any()) {
            return Response.status(400).entity(Templates.editor(id, FormValues.keep(title, Post.TITLE_MAX), FormValues.keep(body, Post.BODY_MAX), errors))
                    .build();
        }
        posts.update(id, title, body);
        return LocalRedirects.seeOther("/posts/" + id);
    }

    /**
     * Asks before deleting, with the form that deletes: a page of its own rather than a script's
     * {@code confirm()}, so it works without JavaScript and a stray click on the post's page deletes nothing.
     */
    @GET
    @Path("posts/{id}/delete")
    @Authenticated
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.delete(deletable(id));
    }

    @POST
    @Path("posts/{id}/delete")
    @Authenticated
    public Response delete(@RestPath long id) {
        PostView post = deletable(id);
        posts.delete(id);
        return LocalRedirects.seeOther("/users/" + post.author());
    }

    /**
     * A 304 when the client's copy is current. A validator the client garbled is ignored, as HTTP says
     * (RFC 9110, 13.1.3): the REST layer threw on an unparsable If-Modified-Since, a 500.
     */
    private static Response.ResponseBuilder unchangedSince(Request request, Date modified, EntityTag tag) {
        try {
            return request.evaluatePreconditions(modified, tag);
        } catch (RuntimeException garbled) {
            return null;
        }
    }

    private PostView deletable(long id) {
        PostView post = posts.get(id).orElseThrow(() -> new ProblemException(404, "There is no post " + id + "."));
        if (!PostPermissions.canDelete(identity, post)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return post;
    }

    private PostView editable(long id) {
        PostView post = posts.get(id).orElseThrow(() -> new ProblemException(404, "There is no post " + id + "."));
        if (!PostPermissions.canEdit(identity, post)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return post;
    }
}
