package dev.atrium.auth;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.atrium.web.ErrorRenderer;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A permission check that failed. A signed-in account that has not confirmed its address holds no
 * permission yet, so it is sent to the page that asks it to confirm; anyone else gets the 403 page.
 */
public class ForbiddenMapper {

    @Inject
    SecurityIdentity identity;
    @Inject
    ErrorRenderer renderer;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        if (!identity.isAnonymous() && Boolean.FALSE.equals(identity.getAttribute(AccountIdentityProvider.CONFIRMED))) {
            return Response.seeOther(URI.create("/unconfirmed")).build();
        }
        return renderer.response(403, null, headers, uri).build();
    }
}
