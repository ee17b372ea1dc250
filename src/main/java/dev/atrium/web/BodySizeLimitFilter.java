package dev.atrium.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size} with the site's
 * 413 page or problem document, before a byte of it is read. Quarkus enforces the same limit itself
 * (for chunked bodies too), but answers with an empty 413; this filter runs first so that clients that
 * declare their length, as browsers and API clients do, get an answer they can read.
 */
@Singleton
public class BodySizeLimitFilter {

    private static final int PRIORITY = 800;

    private final long limit;
    private final RoutingErrorHandler errors;

    BodySizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            RoutingErrorHandler errors) {
        this.limit = limit.asLongValue();
        this.errors = errors;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            // the unread body is still on its way: close the connection rather than read it
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            errors.send(rc, 413);
            return;
        }
        rc.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP codec's to refuse
        }
    }
}
