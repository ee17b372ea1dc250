package dev.atrium.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.config.AtriumConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Starts and ends sessions in Quarkus form authentication's own encrypted cookie, from Atrium's login
 * resource rather than from {@code j_security_check}: that way the login form has CSRF protection,
 * throttling and field errors like every other form, and the form mechanism still reads, renews and
 * expires the cookie on every request, on any replica that shares the key.
 * <p>
 * Form authentication's timeout is an idle timeout, renewed by every request. For an absolute lifetime a
 * second, signed cookie records when and for whom the session began (see {@link SessionLifetimeFilter}).
 */
@Singleton
public class SessionCookies {

    static final String START_COOKIE = "atrium-session-start";
    private static final String START_PURPOSE = "session";

    private final PersistentLoginManager manager;
    private final SignedTokens tokens;
    private final String cookieName;
    private final boolean secure;
    private final Duration lifetime;

    SessionCookies(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration renewal,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path") Optional<String> path,
            AtriumConfig config, SignedTokens tokens) {
        this.cookieName = cookieName;
        this.tokens = tokens;
        this.secure = config.auth().secureCookies();
        this.lifetime = config.auth().sessionLifetime();
        this.manager = new PersistentLoginManager(SessionKeyCheck.require(key), cookieName, timeout.toMillis(), renewal.toMillis(), true,
                sameSite.toUpperCase(Locale.ROOT), path.orElse("/"), -1, null);
    }

    /** A fresh session for this user: a login always replaces whatever session came before. */
    public void start(RoutingContext rc, String username) {
        boolean secureCookie = secure || rc.request().isSSL();
        manager.save(username, rc, cookieName, null, secureCookie);
        rc.response().addCookie(Cookie.cookie(START_COOKIE, tokens.issue(START_PURPOSE, 0, username, Instant.now()))
                .setPath("/").setHttpOnly(true).setSecure(secureCookie).setSameSite(CookieSameSite.LAX));
    }

    /**
     * Ends the session. The expired cookie replaces any renewal the mechanism made on this request (same name
     * and path), as the mechanism's own logout does; that one throws when no session was restored (an expired
     * or forged cookie), which made a late logout a 500.
     */
    public void end(RoutingContext rc) {
        expireInBrowser(rc);
    }

    /** Whose session the request's cookie holds, if it holds a genuine, unexpired one. */
    String principal(RoutingContext rc) {
        PersistentLoginManager.RestoreResult restored = manager.restore(rc);
        return restored == null ? null : restored.getPrincipal();
    }

    /** Whether this user's session began, by its start cookie, within the absolute lifetime. */
    boolean startedInTime(RoutingContext rc, String username) {
        Cookie start = rc.request().getCookie(START_COOKIE);
        return start != null && tokens.verify(start.getValue(), START_PURPOSE, lifetime, Instant.now())
                .filter(token -> username.equals(token.subject()))
                .isPresent();
    }

    /** Removes the session from this request, before authentication reads it, and from the browser. */
    void forget(RoutingContext rc) {
        StringBuilder kept = new StringBuilder();
        for (Cookie cookie : rc.request().cookies()) {
            if (!cookie.getName().equals(cookieName) && !cookie.getName().equals(START_COOKIE)) {
                kept.append(kept.isEmpty() ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
            }
        }
        if (kept.isEmpty()) {
            rc.request().headers().remove(HttpHeaders.COOKIE);
        } else {
            rc.request().headers().set(HttpHeaders.COOKIE, kept.toString());
        }
        expireInBrowser(rc);
    }

    /** Tells the browser to drop both session cookies. */
    void expireInBrowser(RoutingContext rc) {
        rc.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0));
        rc.response().addCookie(Cookie.cookie(START_COOKIE, "").setPath("/").setMaxAge(0));
    }
}
