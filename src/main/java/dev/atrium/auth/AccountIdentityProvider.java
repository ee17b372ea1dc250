package dev.atrium.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns the username in a session cookie back into an identity on every request: the account's role and
 * permissions as they are now, so a role change or a disabled account takes effect at once. Unconfirmed
 * accounts are signed in but hold no permission until they confirm their address.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    public static final String USER_ID = "atrium.user-id";
    public static final String CONFIRMED = "atrium.confirmed";

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Inject
    SessionCookies sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(
                () -> User.findByUsername(request.getPrincipal())
                        .filter(user -> !user.disabled)
                        .map(AccountIdentityProvider::identityOf)
                        .orElseThrow(() -> {
                            // the account is gone or disabled: the browser forgets the session, so the
                            // login page it is sent to next does not fail the same way
                            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
                            if (rc != null) {
                                sessions.expireInBrowser(rc);
                            }
                            return new AuthenticationFailedException();
                        })));
    }

    /**
     * Whether an identity this provider built holds a permission, answered from its role and confirmation
     * without the (possibly asynchronous) permission checker, so templates may ask on the event loop.
     */
    public static boolean holds(SecurityIdentity identity, Permission permission) {
        return !identity.isAnonymous() && Boolean.TRUE.equals(identity.getAttribute(CONFIRMED))
                && identity.getRoles().stream().anyMatch(role -> Role.valueOf(role).can(permission));
    }

    static SecurityIdentity identityOf(User user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole(user.role.name())
                .addAttribute(USER_ID, user.id)
                .addAttribute(CONFIRMED, user.confirmed);
        if (user.confirmed) {
            user.role.permissions().forEach(permission -> builder.addPermission(new StringPermission(permission.id())));
        }
        return builder.build();
    }
}
