package dev.atrium.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors that never reach a REST resource: an address no resource or static file answers, a body
 * larger than the limit, a path the router cannot decode. They get the same pages and problem
 * documents as errors from resources.
 */
@Singleton
class RoutingErrorHandler {

    private static final Logger LOG = Logger.getLogger(RoutingErrorHandler.class);

    private final ErrorRenderer renderer;

    RoutingErrorHandler(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    void install(@Observes Router router) {
        router.errorHandler(404, rc -> send(rc, 404));
        router.errorHandler(405, rc -> send(rc, 405));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handleFailure);
    }

    void handleFailure(RoutingContext rc) {
        if (rc.failure() instanceof AuthenticationException) {
            rc.next(); // Quarkus security answers these itself: a challenge, a redirect to the login page
            return;
        }
        int status = rc.statusCode();
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            LOG.errorf(rc.failure(), "Request to %s failed with %d", LogSafePath.of(rc.request().path()), status);
        }
        send(rc, status);
    }

    public void send(RoutingContext rc, int status) {
        send(rc, status, null);
    }

    /** As {@link #send(RoutingContext, int)}, with a detail written for the client (never an exception's message). */
    void send(RoutingContext rc, int status, String detail) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        ErrorRenderer.Rendered rendered = renderer.render(status, detail,
                rc.request().getHeader(HttpHeaders.ACCEPT), rc.request().path());
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType())
                .end(rendered.body());
    }
}
