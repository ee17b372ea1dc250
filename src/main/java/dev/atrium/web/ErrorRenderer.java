package dev.atrium.web;

import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Renders an error answer in the form the client asked for: an HTML page in the site's layout for
 * browsers, RFC 9457 {@code application/problem+json} for everyone else. It only ever shows what the
 * caller passes as {@code detail}, never an exception's message or trace; the request id is in both,
 * so a person can report the error and an operator can find it in the logs.
 */
@Singleton
public class ErrorRenderer {

    public static final String PROBLEM_JSON = "application/problem+json";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String detail);
    }

    /** The rendered answer: its body and its content type. */
    public record Rendered(String body, String contentType) {
    }

    public Rendered render(int status, String detail, String acceptHeader, String path) {
        return render(status, detail, Map.of(), acceptHeader, path);
    }

    /** As {@link #render(int, String, String, String)}, with one message per invalid field. */
    public Rendered render(int status, String detail, Map<String, String> fields, String acceptHeader, String path) {
        if (prefersHtml(acceptHeader)) {
            // set explicitly: errors from the router never pass through Quarkus REST's locale selection
            // a client error's detail is written for the client (a ProblemException's message), so the page shows it
            String page = Templates.error(status, status < 500 ? detail : null).setLocale(RequestInfo.current().language().locale()).render();
            return new Rendered(page, MediaType.TEXT_HTML + ";charset=UTF-8");
        }
        JsonObject problem = problem(status, detail, path);
        if (!fields.isEmpty()) {
            JsonArray errors = new JsonArray();
            fields.forEach((field, message) -> errors.add(new JsonObject().put("field", field).put("message", message)));
            problem.put("errors", errors);
        }
        return new Rendered(problem.encode(), PROBLEM_JSON);
    }

    /** The answer for a resource or exception mapper: the rendered error with its status and type. */
    public Response.ResponseBuilder response(int status, String detail, HttpHeaders headers, UriInfo uri) {
        return response(status, detail, Map.of(), headers, uri);
    }

    public Response.ResponseBuilder response(int status, String detail, Map<String, String> fields, HttpHeaders headers,
            UriInfo uri) {
        Rendered rendered = render(status, detail, fields, headers.getHeaderString(HttpHeaders.ACCEPT), uri.getPath());
        return Response.status(status).type(rendered.contentType()).entity(rendered.body());
    }

    /** The problem document; callers that add fields (a list of invalid fields, say) start from here. */
    public JsonObject problem(int status, String detail, String path) {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", title(status))
                .put("status", status)
                .put("detail", detail != null ? detail : defaultDetail(status))
                .put("instance", path)
                .put("requestId", RequestInfo.current().requestId());
    }

    static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "Authentication is required.";
            case 403 -> "You do not have permission for this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No representation matches the Accept header.";
            case 413 -> "The request body is larger than this server accepts.";
            case 414 -> "The request address is too long.";
            case 415 -> "The request body's content type is not accepted here.";
            case 429 -> "Too many requests; wait and try again.";
            case 503 -> "The service is unavailable right now; try again later.";
            default -> status >= 500
                    ? "An unexpected error occurred. Quote the request id when reporting it."
                    : "The request was refused.";
        };
    }

    /**
     * Browsers ask for {@code text/html} explicitly; API clients ask for JSON or for anything ({@code *}/{@code *}).
     * HTML wins only when it is listed with a quality at least that of any JSON type. Malformed parts are ignored.
     */
    public static boolean prefersHtml(String accept) {
        double html = 0;
        double json = 0;
        for (WeightedHeader.Entry entry : WeightedHeader.parse(accept)) {
            String type = entry.value();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, entry.quality());
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, entry.quality());
            }
        }
        return html > 0 && html >= json;
    }
}
