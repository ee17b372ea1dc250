package dev.atrium.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds the headers every response needs, just before they are written, so that pages, error pages and
 * static files are all covered whoever produced them. HTML gets the Content-Security-Policy (no inline
 * script), is denied framing and is kept out of shared caches, because a page may carry a session's
 * content; it also varies by the language choice.
 */
@Singleton
public class ResponseHeadersFilter {

    private static final int PRIORITY = 900;

    private final String contentSecurityPolicy;

    ResponseHeadersFilter(AtriumConfig config) {
        this.contentSecurityPolicy = config.web().contentSecurityPolicy();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> addHeaders(rc.response().headers()));
        rc.next();
    }

    void addHeaders(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("text/html")) {
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            }
            headers.add(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
    }
}
