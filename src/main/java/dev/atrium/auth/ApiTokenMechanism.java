package dev.atrium.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: Bearer <token>} for the JSON API, and for nothing else. application.yaml gives the
 * API paths this mechanism alone, so the API never accepts the session cookie and so needs no CSRF token; a
 * missing or bad token is a 401 with {@code WWW-Authenticate: Bearer}.
 * <p>
 * The other way round is this class's own job: Quarkus asks every mechanism on every path that no
 * permission restricts, so without the path check below a token opened the pages as its account: the
 * settings page (where it could mint a new token that outlived revoking the leaked one) and, for an
 * administrator's token, {@code /admin}.
 */
@ApplicationScoped
class ApiTokenMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "bearer";
    private static final String PREFIX = "Bearer ";
    /** The only paths a token opens; the same as the {@code api} permission's paths in application.yaml. */
    static final String API_PATHS = "/api/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!isApi(context)) {
            return Uni.createFrom().nullItem(); // the header is ignored, as if it were not there: the page sees no one
        }
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                new TokenCredential(header.substring(PREFIX.length()).trim(), SCHEME));
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    /** By the normalised path, so {@code /api/../settings} and the like are the pages they resolve to. */
    static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PATHS);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE,
                "Bearer realm=\"atrium\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Below form authentication, so pages (where this mechanism has no say) challenge with the login page. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 500;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
