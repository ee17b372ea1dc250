package dev.atrium.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Where in the router the answers that do not depend on who is asking run: after Atrium's own filters
 * (cookie policy 1100, request id and language 1000, analytics 950, response headers 900, body limit 800, CSRF guard 750,
 * session lifetime 700: a filter of priority p is a route of order -p) and before Quarkus' CORS (300), authentication (200),
 * REST observability (199) and authorization (100) handlers. A route registered with {@link #ORDER} gets the
 * request id, the language choice, the security headers and the page-view count like any other, but no
 * identity is resolved for it: on this machine that was over half of what the smallest route cost.
 * <p>
 * Only what is public by nature belongs here (a fixed text, fingerprinted files, the page every anonymous
 * visitor sees); a route here that cannot answer a request calls {@code next()} and the request takes the
 * normal way through security to the REST resources.
 */
public final class PublicRoutes {

    public static final int ORDER = -500;
    /** The Content-Type of the pages these routes send, as the REST resources send it. */
    public static final CharSequence TEXT_HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");

    private PublicRoutes() {
    }

    /**
     * Whether a request asks for a page as every anonymous visitor sees it: no query string, no credentials
     * of any kind (neither an Authorization header nor the session cookie named {@code sessionCookie},
     * valid or not: judging those is the security layer's work) and a client that takes HTML.
     */
    public static boolean isAnonymousPageRequest(RoutingContext rc, String sessionCookie) {
        HttpServerRequest request = rc.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.query() == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getCookie(sessionCookie) == null
                && (accept == null || ErrorRenderer.prefersHtml(accept));
    }
}
