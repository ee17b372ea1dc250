package dev.atrium.main;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.web.PublicRoutes;
import dev.atrium.web.RequestInfo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;

/**
 * The site's busiest answer, the index for a visitor without a session, straight from the event loop: when
 * {@link AnonymousIndex} holds the current rendering for the visitor's language, it is sent as it is, ahead
 * of the security and REST layers (see {@link PublicRoutes}). Anything else (a session or credentials, a
 * page number, a client that does not want HTML, a rendering not yet made or out of date) goes on to
 * {@link MainResource}, which renders the page and so refreshes the one served here.
 */
@Singleton
public class AnonymousIndexRoute {

    private final AnonymousIndex index;
    private final String sessionCookie;

    AnonymousIndexRoute(AnonymousIndex index, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.index = index;
        this.sessionCookie = sessionCookie;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/").order(PublicRoutes.ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        Buffer page = isAnonymousIndexRequest(rc) ? index.current(RequestInfo.current().language()) : null;
        if (page == null) {
            rc.next();
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, PublicRoutes.TEXT_HTML).end(page);
    }

    private boolean isAnonymousIndexRequest(RoutingContext rc) {
        return "/".equals(rc.normalizedPath()) && PublicRoutes.isAnonymousPageRequest(rc, sessionCookie);
    }
}
