package dev.atrium.auth;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in, for the layout. Empty outside a request (an error answered by the router, say). */
@TemplateGlobal
public final class AuthTemplateGlobals {

    private AuthTemplateGlobals() {
    }

    static String signedInAs() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity == null || identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
