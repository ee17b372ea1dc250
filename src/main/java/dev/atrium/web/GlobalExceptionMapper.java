package dev.atrium.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.exc.StreamReadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where an exception from a resource becomes an answer. Client errors keep their status
 * and the headers that go with it ({@code Retry-After} on a 503, say); an unreachable database is a 503;
 * anything unexpected is logged once, with its request id, and answered 500 without a word about its cause.
 */
class GlobalExceptionMapper {

    private static final Logger LOG = Logger.getLogger(GlobalExceptionMapper.class);

    private final ErrorRenderer renderer;

    GlobalExceptionMapper(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request to %s failed with %d", LogSafePath.of(uri.getPath()), status);
        }
        ProblemException problem = e instanceof ProblemException p ? p : null;
        Response.ResponseBuilder builder = problem == null
                ? answer(status, e.getCause() instanceof StreamReadException json ? unreadable(json) : null, headers, uri)
                : renderer.response(status, problem.getMessage(), problem.fields(), headers, uri);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unreachable while answering %s: %s", LogSafePath.of(uri.getPath()), e.getMessage());
            return answer(503, "The database cannot be reached; try again shortly.", headers, uri)
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (isUnreadableForm(e)) {
            LOG.debugf("Unreadable form body for %s: %s", LogSafePath.of(uri.getPath()), e.getMessage());
            return answer(400, e.getMessage() != null && e.getMessage().startsWith("Param limit of ")
                    ? "The form has too many fields." : "The form could not be read.", headers, uri).build();
        }
        LOG.errorf(e, "Unexpected error answering %s", LogSafePath.of(uri.getPath()));
        return answer(500, null, headers, uri).build();
    }

    /**
     * Quarkus REST's form parsers fail on what a client sent (more than 1,000 fields, a bad %-escape, a
     * multipart type without a boundary) with plain runtime exceptions: the client's doing, not a fault here.
     * Where they were thrown from is the one mark they all have; BadInputTest's corpus sends each kind.
     */
    private static boolean isUnreadableForm(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(FORM_PARSERS)) {
                return true;
            }
        }
        return false;
    }

    private static final String FORM_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";

    /** What the JSON reader refused (Quarkus REST answers it 400), said for the client: see {@link StrictJson}. */
    private static String unreadable(StreamReadException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                ? "The request body is not valid JSON: a key is given more than once."
                : "The request body is not valid JSON.";
    }

    private Response.ResponseBuilder answer(int status, String detail, HttpHeaders headers, UriInfo uri) {
        return renderer.response(status, detail, headers, uri);
    }
}
