package dev.atrium.cache;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.web.PublicRoutes;
import dev.atrium.web.RequestInfo;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the pages {@link HeldPages} holds, straight from the event loop, ahead of the security and REST
 * layers (see {@link PublicRoutes}), with the headers their resource sent. Anything else goes on to the
 * resources: a path with nothing held, a query, a session or credentials, a client that does not want HTML,
 * or a conditional request for a page sent with validators (the resource answers those, with 304 where the
 * page has not changed; a page sent without any has nothing to compare them with). A
 * resource that renders a page for an anonymous reader holds it again.
 * <p>
 * The work per request is one look-up in the held pages by the normalised path and the language the request
 * filter chose; only a page found there costs the header checks.
 */
@Singleton
class HeldPageRoute {

    /** After the other public routes, which answer their own paths, so those never pay for the look-up. */
    static final int ORDER = PublicRoutes.ORDER + 1;

    private final HeldPages pages;
    private final String sessionCookie;

    HeldPageRoute(HeldPages pages, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.pages = pages;
        this.sessionCookie = sessionCookie;
    }

    void register(@Observes Router router) {
        router.get().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HeldPages.Held page = request.query() == null ? pages.current(rc.normalizedPath(), RequestInfo.current().language()) : null;
        if (page == null || page.hasValidators() && isConditional(request) || !PublicRoutes.isAnonymousPageRequest(rc, sessionCookie)) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response().putHeader(HttpHeaders.CONTENT_TYPE, PublicRoutes.TEXT_HTML);
        if (page.etag() != null) {
            response.putHeader(HttpHeaders.ETAG, page.etag());
        }
        if (page.lastModified() != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, page.lastModified());
        }
        response.end(page.bytes());
    }

    private static boolean isConditional(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null;
    }
}
