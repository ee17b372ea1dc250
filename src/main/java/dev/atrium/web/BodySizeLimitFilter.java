package dev.atrium.web;

import java.util.Set;

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
class BodySizeLimitFilter {

    private static final int PRIORITY = 800;
    /**
     * The Markdown previews take JSON of one post's text (100,000 characters: 300 KB of Chinese in UTF-8,
     * with room for escapes), not the megabyte a form may need once %-encoded.
     */
    private static final Set<String> PREVIEWS = Set.of("/api/v1/markdown", "/posts/preview");
    private static final long PREVIEW_LIMIT = 512 * 1024;

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
        if (declared != null && exceeds(declared, PREVIEWS.contains(rc.normalizedPath()) ? Math.min(limit, PREVIEW_LIMIT) : limit)) {
            // the unread body is still on its way: close the connection rather than read it
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            errors.send(rc, 413);
            return;
        }
        rc.next();
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP codec's to refuse
        }
    }
}
