package dev.atrium.auth;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.atrium.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A read token may use the API's reads and nothing else: any other request it sends is a 403 problem,
 * whatever its account could do. Reads are GET, HEAD and OPTIONS, and the POSTs listed here, which change
 * nothing (the Markdown preview renders and stores nothing, and anyone may call it). Every other request is
 * taken for a write, so an endpoint added later is closed to read tokens until it is listed as a read.
 */
class ApiTokenScopeFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> READS_BY_POST = Set.of("/api/v1/markdown");

    private final SecurityIdentity identity;

    ApiTokenScopeFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public void onlyReadsForReadTokens(ContainerRequestContext request) {
        if (identity.getAttribute(ApiTokenIdentityProvider.SCOPE) != ApiToken.Scope.READ
                || READ_METHODS.contains(request.getMethod())
                || "POST".equals(request.getMethod()) && READS_BY_POST.contains(request.getUriInfo().getPath())) {
            return;
        }
        throw new ProblemException(403, "This token may only read; changes need a token that may read and write.");
    }
}
