package dev.atrium.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
 * accounts are signed in but hold no permission until they confirm their address. The same query
 * ({@link SessionAccounts}) refuses a session that has ended: logged out ({@link EndedSessions}), or begun
 * under an older session version of the account (password changed or reset, "log out everywhere", disabled).
 * Other features read the identity through {@link CurrentAccount}.
 */
@ApplicationScoped
class AccountIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final SessionCookies sessions;
    private final SessionAccounts accounts;

    AccountIdentityProvider(SessionCookies sessions, SessionAccounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        // SessionLifetimeFilter verified the start cookie against this very username before authentication
        Optional<SessionCookies.Session> session = rc == null ? Optional.empty() : SessionCookies.current(rc)
                .filter(s -> s.username().equals(request.getPrincipal()));
        return context.runBlocking(() -> session.flatMap(accounts::active)
                .map(AccountIdentityProvider::identityOf)
                .orElseThrow(() -> {
                    // the account is gone or disabled, or the session ended: the browser forgets the session, so
                    // the login page it is sent to next does not fail the same way
                    if (rc != null) {
                        sessions.expireInBrowser(rc);
                    }
                    return new AuthenticationFailedException();
                }));
    }

    static SecurityIdentity identityOf(User user) {
        return identityOf(SessionAccounts.Account.of(user));
    }

    static SecurityIdentity identityOf(SessionAccounts.Account account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRole(account.role().name())
                .addAttribute(CurrentAccount.USER_ID, account.id())
                .addAttribute(CurrentAccount.CONFIRMED, account.confirmed());
        if (account.confirmed()) {
            account.role().permissions().forEach(permission -> builder.addPermission(new StringPermission(permission.id())));
        }
        return builder.build();
    }
}
