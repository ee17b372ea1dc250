package dev.atrium.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Sessions ended by logging out. A session cookie is self-contained, so deleting it from the browser does
 * nothing to a copy; its id is kept here, in the database every replica reads, until the session's absolute
 * lifetime is over (its cookies are refused after that anyway), and {@link AccountIdentityProvider}'s
 * per-request query refuses it. Rows past their expiry are deleted now and then.
 */
@ApplicationScoped
class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    /** Unique violation, in PostgreSQL and H2 alike: the session was already logged out. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final SessionCookies sessions;
    private final Clock clock = Clock.systemUTC();

    EndedSessions(AgroalDataSource dataSource, SessionCookies sessions) {
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    /** From now on, on every replica, this session's cookies are refused. */
    void end(SessionCookies.Session session) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into ended_sessions (session_id, expires_at) values (?, ?)")) {
            insert.setString(1, session.id());
            insert.setObject(2, sessions.lifetimeEnd(session).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not end the session", e);
            }
        }
    }

    /** Ended sessions past their lifetime would be refused without their row; it is deleted so the table stays small. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from ended_sessions where expires_at < ?")) {
            delete.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            int deleted = delete.executeUpdate();
            LOG.debugf("Forgot %d ended sessions past their lifetime", deleted);
        }
    }
}
