package dev.atrium.posts;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.web.PublicRoutes;
import dev.atrium.web.RequestInfo;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A post's page for a visitor without a session, straight from the event loop when {@link AnonymousPostPages}
 * holds the current rendering for the visitor's language, ahead of the security and REST layers (see
 * {@link PublicRoutes}). Anything else goes on to {@link PostsResource}: a session or credentials, a query, a
 * client that does not want HTML, a conditional request (the resource answers those with 304), an id that is
 * not a number, or a page not held or out of date, which the resource renders and so holds again.
 */
@Singleton
public class AnonymousPostPageRoute {

    /** Longer ids are not post ids (the resource answers them 404); this keeps parsing from overflowing. */
    private static final int MAX_ID_DIGITS = 18;

    private final AnonymousPostPages pages;
    private final String sessionCookie;

    AnonymousPostPageRoute(AnonymousPostPages pages,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.pages = pages;
        this.sessionCookie = sessionCookie;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/posts/:id").order(PublicRoutes.ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        long id = postId(rc.pathParam("id"));
        AnonymousPostPages.Held page = id > 0 && isUnconditional(rc.request()) && PublicRoutes.isAnonymousPageRequest(rc, sessionCookie)
                ? pages.current(id, RequestInfo.current().language())
                : null;
        if (page == null) {
            rc.next();
            return;
        }
        rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, PublicRoutes.TEXT_HTML)
                .putHeader(HttpHeaders.ETAG, page.etag())
                .putHeader(HttpHeaders.LAST_MODIFIED, page.lastModified())
                .end(page.bytes());
    }

    private static boolean isUnconditional(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) == null;
    }

    /** The id in the path, or 0 when it is not a plain decimal number. */
    static long postId(String segment) {
        if (segment == null || segment.isEmpty() || segment.length() > MAX_ID_DIGITS) {
            return 0;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return 0;
            }
        }
        return Long.parseLong(segment);
    }
}
