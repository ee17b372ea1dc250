package dev.atrium.analytics;

import java.net.URI;
import java.time.Clock;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.web.ClientAddress;
import dev.atrium.web.ErrorRenderer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Notes every HTML page a person is shown: a GET answered with {@code text/html} (or a 304 for a page the
 * browser already has), skipping health probes and metrics ({@code /q/}), the API, static files and bots.
 * It runs on the event loop as the response headers go out and only hands the view to
 * {@link PageViewBuffer}; it never waits on the database.
 */
@Singleton
class PageViewRecorder {

    /** After the request context filter (1000), so every recorded request has its id and language. */
    private static final int PRIORITY = 950;
    static final int MAX_PATH = 300;
    private static final int MAX_HOST = 255;

    private final PageViewBuffer buffer;
    private final Clock clock = Clock.systemUTC();

    PageViewRecorder(PageViewBuffer buffer) {
        this.buffer = buffer;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (request.method() == HttpMethod.GET && isPagePath(rc.normalizedPath()) && !UserAgents.isBot(userAgent)) {
            rc.addHeadersEndHandler(v -> {
                if (isPage(rc)) {
                    buffer.offer(viewOf(rc, userAgent));
                }
            });
        }
        rc.next();
    }

    /** Pages have no file extension and live outside Quarkus' own endpoints and the API. */
    static boolean isPagePath(String path) {
        if (path == null || path.startsWith("/q/") || path.equals("/q") || path.startsWith("/api/")) {
            return false;
        }
        int lastSlash = path.lastIndexOf('/');
        return path.indexOf('.', lastSlash + 1) < 0;
    }

    private static boolean isPage(RoutingContext rc) {
        int status = rc.response().getStatusCode();
        String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            return type.startsWith("text/html");
        }
        return status == 304 && ErrorRenderer.prefersHtml(rc.request().getHeader(HttpHeaders.ACCEPT));
    }

    private PageView viewOf(RoutingContext rc, String userAgent) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        return new PageView(clock.instant(),
                path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path,
                referrerHost(request.getHeader(HttpHeaders.REFERER), request.authority() == null ? null : request.authority().host()),
                UserAgents.browser(userAgent),
                UserAgents.device(userAgent),
                rc.response().getStatusCode(),
                ClientAddress.of(request),
                userAgent);
    }

    /** The host a visitor came from, or null for none, a malformed one, or this site itself. */
    static String referrerHost(String referrer, String ownHost) {
        if (referrer == null || referrer.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(referrer.trim()).getHost();
            if (host == null || host.length() > MAX_HOST || host.equalsIgnoreCase(ownHost)) {
                return null;
            }
            return host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
