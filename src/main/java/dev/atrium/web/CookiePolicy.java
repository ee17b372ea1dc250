package dev.atrium.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.config.AtriumConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The last word on the cookies a response sets, whoever set them (form authentication renewing the session,
 * quarkus-rest-csrf, Atrium itself), just before the headers are written:
 * <ul>
 * <li>with {@code atrium.auth.secure-cookies} every cookie is {@code Secure}; without it none is forced to be
 * (cookies set over HTTPS still are), so the site works over plain HTTP when it is meant to;</li>
 * <li>the CSRF cookie gets {@code SameSite=Lax}, which the extension cannot set: browsers then leave it off
 * cross-site POSTs, while a visitor arriving by a link from elsewhere (an email) keeps the token the forms in
 * their other tabs hold. Strict would add nothing for the unsafe requests the token guards;</li>
 * <li>a login ({@link #renewCsrfToken}) replaces the CSRF cookie with a new token, so one planted in the
 * browser or read off a page before the login is worth nothing. The new one is made as the extension makes
 * its own (token-size random bytes, base64url), so every page after the login, an error page too, has a
 * token for its log-out form; with a token-signature-key the cookie would have to be signed, so then it is
 * only deleted and the next page mints one.</li>
 * </ul>
 */
@Singleton
public class CookiePolicy {

    /** Ahead of the other filters; none of their handlers sets a cookie, so the order of the handlers is free. */
    private static final int PRIORITY = 1100;
    private static final String RENEW_CSRF = CookiePolicy.class.getName() + ".renew-csrf";

    private final SecureRandom random = new SecureRandom();
    private final boolean secure;
    private final String csrfCookie;
    private final String csrfPath;
    private final Duration csrfMaxAge;
    private final boolean csrfHttpOnly;
    private final int csrfTokenSize;
    private final boolean csrfSigned;

    CookiePolicy(AtriumConfig config,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-path", defaultValue = "/") String csrfPath,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H") Duration csrfMaxAge,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-http-only", defaultValue = "true") boolean csrfHttpOnly,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int csrfTokenSize,
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> csrfSignatureKey) {
        this.secure = config.auth().secureCookies();
        this.csrfCookie = csrfCookie;
        this.csrfPath = csrfPath;
        this.csrfMaxAge = csrfMaxAge;
        this.csrfHttpOnly = csrfHttpOnly;
        this.csrfTokenSize = csrfTokenSize;
        this.csrfSigned = csrfSignatureKey.isPresent();
    }

    private String newCsrfToken() {
        byte[] bytes = new byte[csrfTokenSize];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Asks for a new CSRF token with the response to this request (a login). */
    public static void renewCsrfToken(RoutingContext rc) {
        rc.put(RENEW_CSRF, Boolean.TRUE);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> settle(rc));
        rc.next();
    }

    void settle(RoutingContext rc) {
        if (rc.get(RENEW_CSRF) != null) {
            // replaces the extension's renewal of the cookie the login form was sent with (same name and path)
            rc.response().addCookie(csrfSigned
                    ? Cookie.cookie(csrfCookie, "").setPath(csrfPath).setMaxAge(0)
                    : Cookie.cookie(csrfCookie, newCsrfToken()).setPath(csrfPath).setMaxAge(csrfMaxAge.toSeconds())
                            .setHttpOnly(csrfHttpOnly));
        }
        // the request's cookies share the jar with the response's; only the changed ones are sent
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie instanceof ServerCookie set && set.isChanged()) {
                if (secure) {
                    cookie.setSecure(true);
                }
                if (cookie.getName().equals(csrfCookie)) {
                    cookie.setSameSite(CookieSameSite.LAX);
                }
            }
        }
    }
}
