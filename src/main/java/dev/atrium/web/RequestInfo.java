package dev.atrium.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateData;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * What every page needs to know about the request it answers: its id (shown on error pages so a
 * user can report it), the language chosen for it and its path (for the language switch).
 * It lives in the request's Vert.x duplicated context, so it follows the request from the
 * event loop to a worker thread and back, as the logging MDC does.
 */
@TemplateData
public record RequestInfo(String requestId, Language language, String path) {

    private static final String KEY = RequestInfo.class.getName();
    private static final RequestInfo NONE = new RequestInfo("-", Language.DEFAULT, "/");

    static void attach(RequestInfo info) {
        ContextLocals.put(KEY, info);
    }

    /** The current request's info, or a neutral one outside a request (a scheduled job, say). */
    public static RequestInfo current() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return NONE;
        }
        return ContextLocals.<RequestInfo> get(KEY).orElse(NONE);
    }

    /** The {@code lang} attribute value for the page. */
    public String lang() {
        return language.tag();
    }

    /** Whether the request's path is exactly {@code canonical}, as sent: no other spelling of the same page. */
    public boolean isPath(String canonical) {
        return canonical.equals(path);
    }

    /** The path, encoded for use as a query parameter value. */
    public String pathParam() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
