package dev.atrium.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.atrium.config.AtriumConfig;
import dev.atrium.config.SettingsCheck;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.config.SmallRyeConfig;
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
 * <p>
 * That start cookie also names the session: a random id, and the account's session version at login. The
 * form cookie cannot carry them, since the mechanism renews it with the identity's principal name alone.
 * The per-request account query ({@link AccountIdentityProvider}) refuses a session whose id has been
 * logged out ({@link EndedSessions}) or whose version the account has moved past (password changed or
 * reset, "log out everywhere", disabled), so a copy of the cookies stops working on every replica too.
 * <p>
 * This is the one class that reaches into Quarkus form authentication's internals: its settings
 * ({@code quarkus.http.auth.form.*}, read through Quarkus's own config mapping, so every one of them, names
 * included, is the configured value) and its {@link PersistentLoginManager}, built here exactly as the
 * built-in mechanism builds its own, and handed to {@link SessionMechanism} with those settings. A Quarkus
 * upgrade that changes either fails {@code SessionCookiesContractTest}.
 */
@Singleton
class SessionCookies {

    static final String START_COOKIE = "atrium-session-start";
    private static final String START_PURPOSE = "session";
    /** Where {@link SessionLifetimeFilter} leaves the request's verified {@link Session} for the rest of the request. */
    private static final String CURRENT = "atrium.session";
    /** Between the start cookie's username, session id and version: in none of them (usernames, base64url, digits). */
    private static final char SEPARATOR = ' ';

    /** A session as its signed start cookie names it. */
    record Session(String username, String id, long version, Instant startedAt) {
    }

    private final SecureRandom random = new SecureRandom();

    private final FormAuthConfig form;
    private final PersistentLoginManager manager;
    private final SignedTokens tokens;
    private final String cookieName;
    private final String cookiePath;
    private final String cookieDomain;
    private final boolean secure;
    private final Duration lifetime;

    SessionCookies(SettingsCheck settings, AtriumConfig config, SignedTokens tokens) {
        this.form = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class).auth().form();
        this.cookieName = form.cookieName();
        this.cookiePath = form.cookiePath().orElse(null);
        this.cookieDomain = form.cookieDomain().orElse(null);
        this.tokens = tokens;
        this.secure = config.auth().secureCookies();
        this.lifetime = config.auth().sessionLifetime();
        this.manager = loginManager(form, settings.sessionKey());
    }

    /**
     * The manager as Quarkus's {@code FormAuthenticationMechanism(FormAuthConfig, Optional<String>)} builds its
     * own, argument for argument, so a cookie either writes the other reads. The constructor's arguments are
     * positional, several of one type: {@code SessionCookiesContractTest} compares the two managers' fields.
     */
    static PersistentLoginManager loginManager(FormAuthConfig form, String sessionKey) {
        return new PersistentLoginManager(sessionKey, form.cookieName(), form.timeout().toMillis(), form.newCookieInterval().toMillis(),
                form.httpOnlyCookie(), form.cookieSameSite().name(), form.cookiePath().orElse(null),
                form.cookieMaxAge().map(Duration::toSeconds).orElse(-1L), form.cookieDomain().orElse(null));
    }

    /** Quarkus's form authentication settings, for {@link SessionMechanism}: the ones this class works with. */
    FormAuthConfig formConfig() {
        return form;
    }

    /**
     * A fresh session, with a new id, for this user under the account's current session version: a login
     * always replaces whatever session came before.
     */
    public void start(RoutingContext rc, String username, long sessionVersion) {
        boolean secureCookie = secure || rc.request().isSSL();
        byte[] id = new byte[16];
        random.nextBytes(id);
        manager.save(username, rc, cookieName, null, secureCookie);
        String subject = subject(username, Base64.getUrlEncoder().withoutPadding().encodeToString(id), sessionVersion);
        rc.response().addCookie(Cookie.cookie(START_COOKIE, tokens.issue(START_PURPOSE, 0, subject, Instant.now()))
                .setPath("/").setHttpOnly(true).setSecure(secureCookie).setSameSite(CookieSameSite.LAX));
    }

    static String subject(String username, String sessionId, long sessionVersion) {
        return username + SEPARATOR + sessionId + SEPARATOR + sessionVersion;
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

    /** This user's session by its start cookie, if the cookie is genuine and the session began within the absolute lifetime. */
    Optional<Session> startedInTime(RoutingContext rc, String username) {
        Cookie start = rc.request().getCookie(START_COOKIE);
        if (start == null) {
            return Optional.empty();
        }
        return tokens.verify(start.getValue(), START_PURPOSE, lifetime, Instant.now()).flatMap(token -> {
            String[] parts = token.subject() == null ? new String[0] : token.subject().split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 3 || !username.equals(parts[0]) || parts[1].isEmpty()) {
                return Optional.empty(); // another user's, or from before sessions had ids
            }
            try {
                return Optional.of(new Session(parts[0], parts[1], Long.parseLong(parts[2]), token.issuedAt()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** When a session's cookies stop working in any case: its absolute lifetime after it began. */
    Instant lifetimeEnd(Session session) {
        return session.startedAt().plus(lifetime);
    }

    /** Records the request's verified session, before authentication, for whoever needs it later in the request. */
    static void setCurrent(RoutingContext rc, Session session) {
        rc.put(CURRENT, session);
    }

    /** The session the request's cookies carry, as {@link SessionLifetimeFilter} verified it; empty without one. */
    static Optional<Session> current(RoutingContext rc) {
        return Optional.ofNullable(rc.get(CURRENT));
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

    /** Tells the browser to drop both session cookies: the form cookie at the path and domain it was set for. */
    void expireInBrowser(RoutingContext rc) {
        rc.response().addCookie(Cookie.cookie(cookieName, "").setPath(cookiePath).setDomain(cookieDomain).setMaxAge(0));
        rc.response().addCookie(Cookie.cookie(START_COOKIE, "").setPath("/").setMaxAge(0));
    }
}
