package dev.atrium.main;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.web.PublicRoutes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The seed's first route, kept as the smallest thing the server can answer: a plain Vert.x route on the
 * event loop, without the REST layer's content negotiation and invocation chain, since there is nothing
 * to negotiate, and ahead of the security layer, since it is the same text for everyone (see
 * {@link PublicRoutes}). The site-wide filters (request id, headers) still run, as for every request.
 */
@Singleton
class HelloWorldRoute {

    static final String PATH = "/hello_world";
    /** An instance field, made at run time: a Vert.x buffer must not end up in a native image's heap. */
    private final Buffer body = Buffer.buffer("Hello World!");
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain;charset=UTF-8");

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(PublicRoutes.ORDER).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
                .end(body));
        router.route(HttpMethod.HEAD, PATH).order(PublicRoutes.ORDER).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()))
                .end());
        // any other method: the site's 405 page or problem document, as from the REST resources
        router.route(PATH).handler(rc -> {
            rc.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            rc.fail(405);
        });
    }
}
