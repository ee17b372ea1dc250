package dev.atrium.auth;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.config.AtriumConfig;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;

/**
 * Starts and ends sessions in Quarkus form authentication's own encrypted cookie, from Atrium's login
 * resource rather than from {@code j_security_check}: that way the login form has CSRF protection,
 * throttling and field errors like every other form, and the form mechanism still reads, renews and
 * expires the cookie on every request, on any replica that shares the key.
 */
@Singleton
public class SessionCookies {

    private final PersistentLoginManager manager;
    private final String cookieName;
    private final boolean secure;

    SessionCookies(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration renewal,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path") Optional<String> path,
            AtriumConfig config) {
        this.cookieName = cookieName;
        this.secure = config.auth().secureCookies();
        // the key's presence is SessionKeyCheck's to enforce; without it no session can be started
        this.manager = new PersistentLoginManager(key.orElse(""), cookieName, timeout.toMillis(), renewal.toMillis(), true,
                sameSite.toUpperCase(java.util.Locale.ROOT), path.orElse("/"), -1, null);
    }

    /** A fresh session cookie for this user: a login always replaces whatever session came before. */
    public void start(RoutingContext rc, String username) {
        manager.save(username, rc, cookieName, null, secure || rc.request().isSSL());
    }

    /** Ends the session through the mechanism itself, so no renewal on this request can bring it back. */
    public void end(RoutingContext rc) {
        FormAuthenticationMechanism.logout(rc);
    }
}
