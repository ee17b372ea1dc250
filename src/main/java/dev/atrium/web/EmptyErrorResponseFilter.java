package dev.atrium.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a body to error responses that filters answer with a bare status (quarkus-rest-csrf refuses a form
 * without its token with an empty 400, for one), so that they too read as the site's error page or a
 * problem document.
 */
public class EmptyErrorResponseFilter {

    @Inject
    ErrorRenderer renderer;

    @ServerResponseFilter
    public void fillIn(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            ErrorRenderer.Rendered rendered = renderer.render(response.getStatus(), null,
                    request.getHeaderString(HttpHeaders.ACCEPT), request.getUriInfo().getPath());
            response.setEntity(rendered.body(), null, MediaType.valueOf(rendered.contentType()));
        }
    }
}
