package dev.atrium.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds the headers every response needs, just before they are written, so that pages, error pages and
 * static files are all covered whoever produced them. HTML gets the Content-Security-Policy (no inline
 * script), is denied framing and is kept out of shared caches, because a page may carry a session's
 * content; it also varies by the language choice. With {@code atrium.web.hsts} (on in prod), a response to a
 * request that came over HTTPS, to this process or to a trusted proxy that says so in
 * {@code X-Forwarded-Proto}, tells the browser to use nothing but HTTPS here for a year; over plain HTTP it
 * would mean nothing (browsers ignore it there) and is left out.
 */
@Singleton
class ResponseHeadersFilter {

    private static final int PRIORITY = 900;

    // Every name and value made once as Netty's AsciiString (createOptimized), as Vert.x does for its own: the
    // encoder copies its bytes whole and the header check reads bytes, where a String costs a charAt per
    // character, twice, on every response (the policy is a few hundred characters). Setting, checking and
    // encoding headers was a fifth of the native executable's CPU on a held page (perf); this made such a page
    // 3-5 % faster there, near the machine's noise (bench/results/native-vs-jvm.md)
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence STRICT_ORIGIN = HttpHeaders.createOptimized("strict-origin-when-cross-origin");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence PRIVATE_NO_CACHE = HttpHeaders.createOptimized("private, no-cache");
    private static final CharSequence VARY_LANGUAGE_AND_COOKIE = HttpHeaders.createOptimized("Accept-Language, Cookie");
    private static final CharSequence STRICT_TRANSPORT_SECURITY = HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence HSTS_VALUE = HttpHeaders.createOptimized("max-age=31536000; includeSubDomains");

    private final CharSequence contentSecurityPolicy;
    private final boolean hsts;

    ResponseHeadersFilter(AtriumConfig config) {
        this.hsts = config.web().hsts();
        String policy = config.web().contentSecurityPolicy();
        this.contentSecurityPolicy = HttpHeaders.createOptimized(config.web().assetBaseUrl()
                .map(url -> allowAssetsFrom(policy, StaticAssets.origin(url)))
                .orElse(policy));
    }

    /**
     * The policy with {@code source} added to its script-src, style-src and img-src (the favicons), for static
     * files served from a CDN. A policy without one of them falls back to default-src for it: the new directive copies
     * default-src's sources, so nothing else the policy allowed is lost.
     */
    static String allowAssetsFrom(String policy, String source) {
        List<String> directives = new ArrayList<>();
        for (String directive : policy.split(";")) {
            if (!directive.isBlank()) {
                directives.add(directive.strip());
            }
        }
        String defaultSources = directives.stream().filter(d -> name(d).equals("default-src"))
                .map(d -> d.substring("default-src".length()).strip()).findFirst().orElse(null);
        for (String directiveName : List.of("script-src", "style-src", "img-src")) {
            int index = -1; // the first one: browsers ignore a repeated directive
            for (int i = 0; i < directives.size() && index < 0; i++) {
                if (name(directives.get(i)).equals(directiveName)) {
                    index = i;
                }
            }
            if (index >= 0) {
                directives.set(index, withSource(directives.get(index), source));
            } else if (defaultSources != null) {
                directives.add(withSource(directiveName + " " + defaultSources, source));
            } // else nothing restricts them: nothing to add
        }
        return String.join("; ", directives);
    }

    private static String name(String directive) {
        int space = directive.indexOf(' ');
        return (space < 0 ? directive : directive.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String withSource(String directive, String source) {
        List<String> parts = new ArrayList<>(List.of(directive.strip().split("\\s+")));
        parts.remove("'none'"); // 'none' with another source is not 'none' any more, and is ignored
        if (!parts.contains(source)) {
            parts.add(source);
        }
        return String.join(" ", parts);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            addHeaders(headers);
            if (hsts && rc.request().isSSL()) {
                headers.set(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
            }
        });
        rc.next();
    }

    void addHeaders(MultiMap headers) {
        headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.set(REFERRER_POLICY, STRICT_ORIGIN);
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("text/html")) {
            headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
            headers.set(FRAME_OPTIONS, DENY);
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, PRIVATE_NO_CACHE);
            }
            headers.add(HttpHeaders.VARY, VARY_LANGUAGE_AND_COOKIE);
        }
    }
}
