package dev.atrium.auth;

import java.lang.reflect.Field;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.web.PublicRoutes;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.Router;

/**
 * Test only: {@code GET /test-session/quarkus-written?user=name} answers with a session cookie for that user
 * written by Quarkus itself, by the manager its form mechanism built (the one {@link SessionMechanism} reads
 * and renews with), as it writes one when it renews a session.
 */
@Singleton
public class QuarkusWrittenSessionRoute {

    static final String PATH = "/test-session/quarkus-written";

    private final PersistentLoginManager quarkusOwn;

    QuarkusWrittenSessionRoute(SessionMechanism mechanism) {
        this.quarkusOwn = quarkusOwnManager(mechanism);
    }

    /** The manager Quarkus's mechanism built for itself: a private field, so a Quarkus upgrade may move it. */
    static PersistentLoginManager quarkusOwnManager(FormAuthenticationMechanism mechanism) {
        try {
            Field field = FormAuthenticationMechanism.class.getDeclaredField("loginManager");
            field.setAccessible(true);
            return (PersistentLoginManager) field.get(mechanism);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Quarkus's form mechanism no longer keeps its PersistentLoginManager in 'loginManager'", e);
        }
    }

    void register(@Observes Router router) {
        router.get(PATH).order(PublicRoutes.ORDER).handler(rc -> {
            String user = rc.request().getParam("user");
            quarkusOwn.save(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).build(), rc, null,
                    rc.request().isSSL());
            rc.response().end("written");
        });
    }
}
