package dev.atrium.main;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.RequestInfo;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.NonBlocking;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The public pages: the seed's {@code main} blueprint. The index lists the recent posts (asking the posts
 * feature for them), so it runs on a worker thread; the others do not block and stay on the event loop.
 * The seed's {@code /hello_world} is {@link HelloWorldRoute}.
 */
@Path("/")
public class MainResource {

    private static final Logger LOG = Logger.getLogger(MainResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page<PostView> posts);

        static native TemplateInstance about();
    }

    private final PostService posts;
    private final AnonymousIndex anonymousIndex;
    private final SecurityIdentity identity;

    MainResource(PostService posts, AnonymousIndex anonymousIndex, SecurityIdentity identity) {
        this.posts = posts;
        this.anonymousIndex = anonymousIndex;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@RestQuery String page) {
        int number = PageNumber.parse(page);
        LOG.debug("SUCCESS");
        if (number == 1 && identity.isAnonymous() && RequestInfo.current().isPath("/")) {
            // the busiest page, alike for every anonymous visitor of a language: rendered once, served as is.
            // Only from its own address: the page links to that address, and other spellings of it
            // ("/;x=...", "//") would put the visitor's text in the page held for everyone.
            Page<PostView> first = posts.firstPage();
            return Response.ok(anonymousIndex.html(first, RequestInfo.current().language(), () -> Templates.index(first)))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(Templates.index(number == 1 ? posts.firstPage() : posts.page(number))).build();
    }

    @GET
    @Path("about")
    @NonBlocking
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance about() {
        LOG.debug("about page");
        return Templates.about();
    }
}
