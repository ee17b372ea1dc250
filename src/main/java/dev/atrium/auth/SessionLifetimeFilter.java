package dev.atrium.auth;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends sessions older than {@code atrium.auth.session-lifetime}, however active they were: a session cookie
 * without a matching, young start cookie is dropped before authentication reads it. It runs on the event
 * loop before authentication and does no I/O (decrypting and checking a signature only); the session the
 * start cookie names is left on the request for the account query, which checks that it has not ended.
 */
@Singleton
class SessionLifetimeFilter {

    private static final int PRIORITY = 700;

    private final SessionCookies sessions;

    SessionLifetimeFilter(SessionCookies sessions) {
        this.sessions = sessions;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String sessionOf = sessions.principal(rc);
        if (sessionOf != null) {
            sessions.startedInTime(rc, sessionOf).ifPresentOrElse(session -> SessionCookies.setCurrent(rc, session),
                    () -> sessions.forget(rc));
        }
        rc.next();
    }
}
