package dev.atrium.auth;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What the layout shows of the session, on every page including error pages: who is signed in, and the
 * CSRF token for its log-out form. Both are empty outside a request (an error answered by the router).
 */
@TemplateGlobal
final class AuthTemplateGlobals {

    private AuthTemplateGlobals() {
    }

    static String signedInAs() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity == null || identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Whether the layout links the administration pages: the same permission those pages require. */
    static boolean canAdminister() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity != null && CurrentAccount.holds(identity, Permission.ADMINISTER);
    }

    /** Whether the layout links the moderation page: the same permission that page requires. */
    static boolean canModerate() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity != null && CurrentAccount.holds(identity, Permission.MODERATE);
    }

    /**
     * The token for the layout's log-out form. {@code inject:csrf.token} fails where the CSRF filter did
     * not run (an error page, a 406), so this falls back to the token cookie the browser already holds.
     */
    static String logoutToken() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (rc == null) {
            return "";
        }
        CsrfTokenParameterProvider csrf = Arc.container().instance(CsrfTokenParameterProvider.class).get();
        try {
            return csrf.getToken();
        } catch (IllegalStateException filterDidNotRun) {
            Cookie cookie = rc.request().getCookie(csrf.getCookieName());
            return cookie == null ? "" : cookie.getValue();
        }
    }
}
