package dev.atrium.social;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.atrium.auth.CurrentAccount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;

/**
 * "Last seen": when a signed-in account last made a request, to the minute. Never a database write per
 * request: this replica remembers when it last wrote each account's time and writes again only a minute
 * later, and the write itself is conditional ({@code where last_seen < now - 1 minute}), so several replicas
 * serving one account still write at most about once a minute between them. The write runs on a worker
 * after the response is on its way, never in the identity's lookup (a measured hot path) nor in the
 * request's time; a failed write is only logged, and tried again a minute later.
 */
@ApplicationScoped
class LastSeen {

    private static final Logger LOG = Logger.getLogger(LastSeen.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** More accounts than this active within a minute on one replica: forget them all rather than grow. */
    private static final int MAX_REMEMBERED = 100_000;
    private static final String TOUCH = "update users set last_seen = ? where id = ? and (last_seen is null or last_seen < ?)";

    private final ConcurrentHashMap<Long, Instant> written = new ConcurrentHashMap<>();
    private final AgroalDataSource dataSource;
    private final CurrentIdentityAssociation identities;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();

    LastSeen(AgroalDataSource dataSource, CurrentIdentityAssociation identities, Vertx vertx) {
        this.dataSource = dataSource;
        this.identities = identities;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public void afterRequest(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return; // anonymous: the identity is not even looked at
        }
        SecurityIdentity identity = identities.getIdentity();
        // a person's requests, not a script's: calls with an API token leave "last seen" alone, as in Flasky
        Long id = CurrentAccount.sessionId(identity);
        if (id != null) {
            seen(id);
        }
    }

    /** Notes a request of the account; answers whether that wrote (or is writing) its time. */
    boolean seen(long userId) {
        Instant now = clock.instant();
        Instant last = written.get(userId);
        if (last != null && last.isAfter(now.minus(INTERVAL))) {
            return false;
        }
        // one request of the many arriving together wins the slot; the others see its time
        if (last == null ? written.putIfAbsent(userId, now) != null : !written.replace(userId, last, now)) {
            return false;
        }
        if (written.size() > MAX_REMEMBERED) {
            written.clear();
        }
        vertx.executeBlocking(() -> write(userId, now), false);
        return true;
    }

    private Boolean write(long userId, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(TOUCH)) {
            update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setLong(2, userId);
            update.setObject(3, OffsetDateTime.ofInstant(now.minus(INTERVAL), ZoneOffset.UTC));
            return update.executeUpdate() > 0;
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(e, "Could not note when account %d was last seen", userId);
            return false;
        }
    }
}
