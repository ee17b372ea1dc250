package dev.atrium.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.atrium.config.SettingsCheck;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with a 403, the unsafe requests (anything but GET, HEAD and OPTIONS) outside {@code /api/} that
 * quarkus-rest-csrf cannot judge. The extension checks the token in the {@code csrf-token} field of a form
 * body only: with {@code require-form-url-encoded: false} it waves every other body through unchecked (a
 * {@code text/plain} post from another site deleted posts with the victim's session), and with {@code true}
 * it would refuse the JSON API too, which carries no CSRF cookie. So, before authentication reads the
 * session:
 * <ul>
 * <li>a request a browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site}, or an
 * {@code Origin} that is neither the request's own scheme and host, as seen through trusted proxies, nor
 * {@code atrium.site.base-url}) is refused whatever it carries: a token does not make it ours;</li>
 * <li>a request with a body of another type than a URL-encoded form (multipart included) must carry the token
 * in the {@code X-CSRF-TOKEN} header, equal to the CSRF cookie (double submit), with a session or without:
 * the forms that take anonymous visitors (login, register, reset) are forms too, and the resources behind
 * them cannot even show their page again for a body the extension has not checked (that was a 500). With
 * the session cookie, a request without any body type needs the header token as well; without one it goes
 * on (a DELETE of a page is still the router's 405). Atrium's own forms are all URL-encoded; their field stays the
 * extension's to check, and {@link EmptyErrorResponseFilter} turns the bare 400 it answers a stale or missing one with
 * into this same 403.</li>
 * </ul>
 * The API takes bearer tokens only, never the session cookie, so it has nothing to forge and is left alone.
 */
@Singleton
class CsrfGuard {

    private static final Logger LOG = Logger.getLogger(CsrfGuard.class);
    /** After the body-size limit (800), before the session lifetime check (700) and authentication (200). */
    private static final int PRIORITY = 750;
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The status of every refusal for want of a valid token, whichever check made it. */
    static final int REFUSED = 403;

    private final String sessionCookie;
    private final String csrfCookie;
    private final String tokenHeader;
    private final String siteOrigin;
    private final RoutingErrorHandler errors;

    CsrfGuard(SettingsCheck settings, RoutingErrorHandler errors,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String tokenHeader) {
        this.errors = errors;
        this.sessionCookie = sessionCookie;
        this.csrfCookie = csrfCookie;
        this.tokenHeader = tokenHeader;
        this.siteOrigin = origin(URI.create(settings.baseUrl().orElseThrow()));
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpMethod method = request.method();
        String path = rc.normalizedPath();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || path == null || path.startsWith("/api/")) {
            rc.next();
            return;
        }
        String refusal = fromAnotherSite(request) ? "from another site" : missingToken(request) ? "without its CSRF token" : null;
        if (refusal != null) {
            LOG.debugf("Refused a %s to %s %s", method, path, refusal);
            // the unread body may be on its way: do not leave it to be read as the next request
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            errors.send(rc, REFUSED, refusalDetail());
            return;
        }
        rc.next();
    }

    private boolean fromAnotherSite(HttpServerRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false; // not every client sends it; the token check below still holds
        }
        String claimed = origin.strip().toLowerCase(Locale.ROOT);
        return !claimed.equals(siteOrigin) && !claimed.equals(ownOrigin(request));
    }

    private boolean missingToken(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (isForm(type) || (type == null && request.getCookie(sessionCookie) == null)) {
            return false;
        }
        String header = request.getHeader(tokenHeader);
        Cookie cookie = request.getCookie(csrfCookie);
        return header == null || cookie == null || cookie.getValue().isEmpty()
                || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }

    /** What a refused visitor reads, in the request's language. */
    static String refusalDetail() {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(RequestInfo.current().language().tag())).error_csrf_refused();
    }

    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().equalsIgnoreCase(FORM);
    }

    /** The request's own origin as the browser names it: the scheme and host it used, the port only if not the default. */
    static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String scheme = request.scheme() == null ? "http" : request.scheme().toLowerCase(Locale.ROOT);
        return withPort(scheme, authority.host(), authority.port());
    }

    static String origin(URI uri) {
        return withPort(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost(), uri.getPort());
    }

    private static String withPort(String scheme, String host, int port) {
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
