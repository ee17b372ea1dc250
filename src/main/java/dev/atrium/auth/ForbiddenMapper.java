package dev.atrium.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.atrium.web.LocalRedirects;
import dev.atrium.web.ErrorRenderer;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A permission check that failed. A signed-in account that has not confirmed its address holds no
 * permission yet, so a browser is sent to the page that asks it to confirm (an API client gets a 403 that
 * says so); anyone else gets the 403 page or problem document.
 */
class ForbiddenMapper {

    private final SecurityIdentity identity;
    private final ErrorRenderer renderer;

    ForbiddenMapper(SecurityIdentity identity, ErrorRenderer renderer) {
        this.identity = identity;
        this.renderer = renderer;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        if (CurrentAccount.isUnconfirmed(identity)) {
            if (ErrorRenderer.prefersHtml(headers.getHeaderString(HttpHeaders.ACCEPT))) {
                return LocalRedirects.seeOther("/unconfirmed");
            }
            return renderer.response(403, "Confirm the account's email address first.", headers, uri).build();
        }
        return renderer.response(403, null, headers, uri).build();
    }
}
