package dev.atrium.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.atrium.config.SettingsCheck;
import dev.atrium.web.LocalRedirects;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus form authentication's session cookie, read, renewed and ended as the built-in mechanism does it,
 * with Atrium's own answer for a visitor who must sign in. The built-in one (switched off in application.yaml)
 * remembered the page in a cookie holding the whole request URL, which Netty refuses to write when the URL
 * contains a {@code ;}: the request then never got an answer. It also built the login page's address from the
 * request's {@code Host}, so {@code Host: evil.example} sent the browser there. Here the login page is a
 * relative redirect that carries the page to come back to as a checked local path, and nothing of the request
 * is written into a cookie.
 * <p>
 * Logging in is Atrium's own {@code /login} (see {@link SessionCookies}); the built-in form post location
 * ({@code j_security_check}) has no identity provider behind it, so it is not treated as a login here: it
 * stays an unknown route.
 * <p>
 * Its settings are the ones {@link SessionCookies} reads, so the cookie it reads and renews is the one
 * {@code /login} writes.
 */
@Singleton
class SessionMechanism extends FormAuthenticationMechanism {

    /** The query parameter of the login page that says where the browser came from. */
    static final String NEXT = "next";

    private final String loginPage;
    private final String postLocation;

    // @Inject is needed here: without it the container left this mechanism out, silently, and every session
    // was refused (the API's bearer challenge answered instead)
    @Inject
    SessionMechanism(SettingsCheck settings, SessionCookies sessions) {
        this(sessions.formConfig(), settings.sessionKey());
    }

    private SessionMechanism(FormAuthConfig form, String sessionKey) {
        super(form, Optional.of(sessionKey));
        this.loginPage = form.loginPage().orElse("/login");
        this.postLocation = form.postLocation();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (isFormPost(context)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return super.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, loginLocation(context)));
    }

    /**
     * The login page, with the page asked for when it is a page a browser can come back to: a GET of a plain
     * local path. Anything else (a form's POST, a path that is not a plain local one) comes back to the index.
     */
    String loginLocation(RoutingContext context) {
        String uri = context.request().uri();
        if (context.request().method() != HttpMethod.GET || uri == null) {
            return loginPage;
        }
        String next = LocalRedirects.localPathOrRoot(uri);
        return "/".equals(next) ? loginPage : loginPage + "?" + NEXT + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private boolean isFormPost(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && context.normalizedPath().endsWith(postLocation);
    }
}
