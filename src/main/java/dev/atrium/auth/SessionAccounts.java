package dev.atrium.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The account a session belongs to, read on every signed-in request. The cheapest form of that query: plain
 * JDBC on an auto-commit connection, one round trip and four columns. Through Hibernate in a JTA transaction
 * it cost a second round trip for the commit, a whole entity and its dirty check, and was a fifth of a
 * signed-in page. Whether the session has ended is part of the same statement (a primary-key probe), not a
 * second one.
 */
@ApplicationScoped
class SessionAccounts {

    /** What an identity is made of: an account as it is now. */
    record Account(long id, String username, Role role, boolean confirmed) {
        static Account of(User user) {
            return new Account(user.id, user.username, user.role, user.confirmed);
        }
    }

    private static final String ACTIVE_ACCOUNT = "select id, username, role, confirmed from users"
            + " where username = ? and not disabled and session_version = ?"
            + " and not exists (select 1 from ended_sessions where session_id = ?)";

    private final AgroalDataSource dataSource;

    SessionAccounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The session's account, unless it is gone or disabled, the session was ended (logged out) or it began under
     * an older session version of the account (password changed or reset, "log out everywhere", disabled).
     */
    Optional<Account> active(SessionCookies.Session session) {
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
}
