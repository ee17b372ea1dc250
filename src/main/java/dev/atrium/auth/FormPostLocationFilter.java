package dev.atrium.auth;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.web.RoutingErrorHandler;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 404 to a POST to form authentication's own login address ({@code j_security_check}, and any path
 * ending in it, which is how the mechanism matches it). Atrium signs users in at {@code /login} and gives
 * that mechanism no identity provider for passwords, so a post there with a username and password failed
 * with a 500 ("No IdentityProviders ..."). Quarkus cannot switch the address off; this runs before
 * authentication so the mechanism never sees such a request.
 */
@Singleton
public class FormPostLocationFilter {

    /** Before authentication (200), with the other session filters. */
    private static final int PRIORITY = 710;

    private final String postLocation;
    private final RoutingErrorHandler errors;

    FormPostLocationFilter(@ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String postLocation,
            RoutingErrorHandler errors) {
        this.postLocation = postLocation.startsWith("/") ? postLocation : "/" + postLocation;
        this.errors = errors;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (rc.request().method() == HttpMethod.POST && path != null && path.endsWith(postLocation)) {
            // the form body is never read: do not leave it to be read as the next request
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            errors.send(rc, 404);
            return;
        }
        rc.next();
    }
}
