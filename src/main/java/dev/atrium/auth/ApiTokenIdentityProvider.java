package dev.atrium.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The account behind an API token, with the same role and permissions it has on the pages, and the token's
 * scope as an attribute for {@link ApiTokenScopeFilter}.
 */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The {@link ApiToken.Scope} of the token an identity came from; absent for sessions. */
    public static final String SCOPE = "atrium.token-scope";

    private final ApiTokenService tokens;

    ApiTokenIdentityProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.getToken().getToken())
                .map(holder -> (SecurityIdentity) QuarkusSecurityIdentity.builder(AccountIdentityProvider.identityOf(holder.user()))
                        .addAttribute(SCOPE, holder.scope()).build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
