package dev.atrium.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
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
 * accounts are signed in but hold no permission until they confirm their address. The same query refuses
 * a session that has ended: logged out ({@link EndedSessions}), or begun under an older session version of
 * the account (password changed or reset, "log out everywhere", disabled).
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    public static final String USER_ID = "atrium.user-id";
    public static final String CONFIRMED = "atrium.confirmed";

    /** What an identity is made of: an account as it is now. */
    record Account(long id, String username, Role role, boolean confirmed) {
        static Account of(User user) {
            return new Account(user.id, user.username, user.role, user.confirmed);
        }
    }

    private static final String ACTIVE_ACCOUNT = "select id, username, role, confirmed from users"
            + " where username = ? and not disabled and session_version = ?"
            + " and not exists (select 1 from ended_sessions where session_id = ?)";

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Inject
    SessionCookies sessions;
    @Inject
    AgroalDataSource dataSource;

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        // SessionLifetimeFilter verified the start cookie against this very username before authentication
        Optional<SessionCookies.Session> session = rc == null ? Optional.empty() : SessionCookies.current(rc)
                .filter(s -> s.username().equals(request.getPrincipal()));
        return context.runBlocking(() -> session.flatMap(this::activeAccount)
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

    /**
     * The query every signed-in request makes, so the cheapest form of it: plain JDBC on an auto-commit
     * connection, one round trip and four columns. Through Hibernate in a JTA transaction it cost a second
     * round trip for the commit, a whole entity and its dirty check, and was a fifth of a signed-in page.
     * Whether the session has ended is part of the same statement (a primary-key probe), not a second one.
     */
    Optional<Account> activeAccount(SessionCookies.Session session) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ACTIVE_ACCOUNT)) {
            select.setString(1, User.normalise(session.username()));
            select.setLong(2, session.version());
            select.setString(3, session.id());
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Account(row.getLong(1), row.getString(2), Role.valueOf(row.getString(3)), row.getBoolean(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            // an unreachable database stays recognisable (DatabaseOutage reads the cause): 503, not 500
            throw new IllegalStateException("Could not read the session's account", e);
        }
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
        return identityOf(Account.of(user));
    }

    static SecurityIdentity identityOf(Account account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRole(account.role().name())
                .addAttribute(USER_ID, account.id())
                .addAttribute(CONFIRMED, account.confirmed());
        if (account.confirmed()) {
            account.role().permissions().forEach(permission -> builder.addPermission(new StringPermission(permission.id())));
        }
        return builder.build();
    }
}
