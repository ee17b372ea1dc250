package dev.atrium.main;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.cache.HeldPages;
import dev.atrium.web.Language;
import dev.atrium.web.Page;
import dev.atrium.web.PageNumber;
import dev.atrium.auth.CurrentAccount;
import dev.atrium.auth.Permission;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.social.FollowService;
import dev.atrium.web.ProblemException;
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
class MainResource {

    private static final Logger LOG = Logger.getLogger(MainResource.class);

    @CheckedTemplate
    static class Templates {
        /** {@code tab}: "all" or "following" for a reader who may follow, null for anyone else (no tabs). */
        static native TemplateInstance index(Page<PostView> posts, String tab);

        static native TemplateInstance about();
    }

    /** Remembers the signed-in index's tab; its only values are the tabs' names, so it holds nothing personal. */
    static final String TAB_COOKIE = "atrium-index-tab";
    static final String ALL = "all";
    static final String FOLLOWING = "following";

    private final PostService posts;
    private final FollowService follows;
    private final HeldPages heldPages;
    private final SecurityIdentity identity;

    MainResource(PostService posts, FollowService follows, HeldPages heldPages, SecurityIdentity identity) {
        this.posts = posts;
        this.follows = follows;
        this.heldPages = heldPages;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@RestQuery String page, @RestQuery String feed, @CookieParam(TAB_COOKIE) String rememberedTab) {
        int number = PageNumber.parse(page);
        LOG.debug("SUCCESS");
        if (number == 1 && identity.isAnonymous() && RequestInfo.current().isPath("/")) {
            // the busiest page, alike for every anonymous visitor of a language: rendered here, then held for
            // the event loop. Only from its own address: the page links to that address, and other spellings of
            // it ("/;x=...", "//") would put the visitor's text in the page held for everyone. Read from the
            // database rather than the cached first page, which may be up to its expiry old when the change was
            // made on another replica: the held page's expiry alone then bounds how stale it is.
            long generation = heldPages.generation(); // before reading the posts: see HeldPages
            Page<PostView> first = posts.page(1);
            Language language = RequestInfo.current().language();
            String html = Templates.index(first, null).setLocale(language.locale()).render();
            heldPages.hold("/", language, generation, html, null, null);
            return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        if (!CurrentAccount.holds(identity, Permission.FOLLOW)) {
            return Response.ok(Templates.index(number == 1 ? posts.firstPage() : posts.page(number), null)).build();
        }
        // a tab chosen by its link is remembered; pages of it (?page=2) and later visits follow the cookie
        String tab = feed != null ? chosenTab(feed) : FOLLOWING.equals(rememberedTab) ? FOLLOWING : ALL;
        Page<PostView> shown = FOLLOWING.equals(tab)
                ? follows.feed(CurrentAccount.id(identity), number)
                : number == 1 ? posts.firstPage() : posts.page(number);
        Response.ResponseBuilder response = Response.ok(Templates.index(shown, tab));
        if (feed != null) {
            response.cookie(new NewCookie.Builder(TAB_COOKIE).value(tab).path("/").maxAge(365 * 24 * 3600).httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return response.build();
    }

    private static String chosenTab(String feed) {
        if (ALL.equals(feed) || FOLLOWING.equals(feed)) {
            return feed;
        }
        throw new ProblemException(400, "feed must be \"all\" or \"following\".");
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
