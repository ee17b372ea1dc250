package dev.atrium.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Gives a body to error responses that filters answer with a bare status, so that they too read as the site's
 * error page or a problem document. quarkus-rest-csrf refuses a form whose token is missing or wrong with an
 * empty 400; that one becomes the 403 {@link CsrfGuard} gives every other request without its token, so a forged
 * request is refused alike whatever its body type.
 */
class EmptyErrorResponseFilter {

    /**
     * Set by quarkus-rest-csrf on the request once it has found the token good. The extension's own private name,
     * with no API to ask it by: {@code RestCsrfContractTest} fails when an upgrade renames it.
     */
    static final String CSRF_VERIFIED = "csrf_token_verified";

    private final ErrorRenderer renderer;

    EmptyErrorResponseFilter(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ServerResponseFilter
    public void fillIn(ContainerRequestContext request, ContainerResponseContext response, RoutingContext rc) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            String detail = null;
            if (refusedByCsrfCheck(request, response, rc)) {
                response.setStatus(CsrfGuard.REFUSED);
                detail = CsrfGuard.refusalDetail();
            }
            ErrorRenderer.Rendered rendered = renderer.render(response.getStatus(), detail,
                    request.getHeaderString(HttpHeaders.ACCEPT), request.getUriInfo().getPath());
            response.setEntity(rendered.body(), null, MediaType.valueOf(rendered.contentType()));
        }
    }

    /**
     * The extension's refusal: its bare 400 to an unsafe request it did not find a good token in. A bare 400 after
     * the token was found good (none is known today) stays a 400. The API is outside the extension's check.
     */
    private static boolean refusedByCsrfCheck(ContainerRequestContext request, ContainerResponseContext response,
            RoutingContext rc) {
        String method = request.getMethod();
        return response.getStatus() == 400
                && !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method)
                && !request.getUriInfo().getPath().startsWith("/api/")
                && rc.get(CSRF_VERIFIED) == null;
    }
}
