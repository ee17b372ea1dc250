package dev.atrium.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The static files the layout uses, served under fingerprinted addresses that can be cached for ever:
 * {@code /assets/{hash}/app.css}, where the hash is the first 12 hex digits of the file's SHA-256. A
 * change to a file changes its address, so browsers and a CDN in front of the site never serve a stale
 * copy, and no copy ever needs revalidating ({@code immutable}).
 * <p>
 * The files are read from {@code META-INF/resources} (which a native image includes) once, at start, and
 * answered from memory. The plain addresses ({@code /app.css}) stay with Quarkus's static resources, for
 * pages rendered before this existed. Templates get an address with {@code {asset:url('app.css')}}, which
 * prefixes {@code atrium.web.asset-base-url} when a CDN is set.
 */
@Singleton
class StaticAssets {

    /** The files served this way: the ones the layout links. */
    static final List<String> NAMES = List.of("app.css", "app.js", "favicon.svg", "favicon.ico");

    static final String PREFIX = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final int HASH_LENGTH = 12;

    private static final String ROOT = "META-INF/resources/";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + HASH_LENGTH + "}");

    /** One file: its bytes, their fingerprint, its type. */
    record Asset(String name, String hash, String contentType, Buffer body) {
        String path() {
            return PREFIX + hash + "/" + name;
        }
    }

    private final String baseUrl;
    private final boolean reloading;
    private volatile Map<String, Asset> assets;

    StaticAssets(AtriumConfig config) {
        this.baseUrl = config.web().assetBaseUrl().orElse("");
        // dev mode changes the files under a running application: read them again at every use there
        this.reloading = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        this.assets = load();
    }

    void install(@Observes Router router) {
        // public by nature: served ahead of the security layer (see PublicRoutes)
        router.route(PREFIX + ":hash/:name").order(PublicRoutes.ORDER).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::handle);
    }

    /** The address of a file for a page: {@code {base}/assets/{hash}/{name}}. */
    public String url(String name) {
        Asset asset = assets().get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No static asset named " + name + "; known: " + NAMES);
        }
        return baseUrl + asset.path();
    }

    Map<String, Asset> assets() {
        if (reloading) {
            assets = load();
        }
        return assets;
    }

    void handle(RoutingContext rc) {
        String hash = rc.pathParam("hash");
        Asset asset = assets().get(rc.pathParam("name"));
        if (asset == null || !HASH.matcher(hash).matches()) {
            rc.fail(404);
            return;
        }
        if (!asset.hash().equals(hash)) {
            // A fingerprint of another version of a known file: a page from another release (during a
            // rolling update one replica may render the page and another answer for its files), or one
            // held in a cache. The current version styles that page far better than a 404 would, so
            // redirect to it. 302, not 301, and not cacheable: which version is current changes with the
            // next release, and a CDN or browser must not pin this answer to the URL for a year.
            rc.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, asset.path())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        String etag = "\"" + asset.hash() + "\"";
        rc.response().putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType());
        String ifNoneMatch = rc.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            rc.response().setStatusCode(304).end();
        } else if (rc.request().method() == HttpMethod.HEAD) {
            rc.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(asset.body().length())).end();
        } else {
            rc.response().end(asset.body());
        }
    }

    private static Map<String, Asset> load() {
        Map<String, Asset> loaded = new LinkedHashMap<>();
        for (String name : NAMES) {
            byte[] bytes = read(ROOT + name);
            loaded.put(name, new Asset(name, fingerprint(bytes), contentType(name), Buffer.buffer(bytes)));
        }
        return Map.copyOf(loaded);
    }

    private static byte[] read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Static asset " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read static asset " + resource, e);
        }
    }

    /** The first {@value #HASH_LENGTH} hex digits of the content's SHA-256. */
    static String fingerprint(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=UTF-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=UTF-8"; // RFC 9239
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".ico")) {
            return "image/x-icon"; // what every browser knows; IANA's image/vnd.microsoft.icon is not known to all
        }
        throw new IllegalArgumentException("No content type known for " + name);
    }

    /** The scheme, host and port of a URL: what a Content-Security-Policy source names. */
    static String origin(String url) {
        int hostStart = url.indexOf("://") + 3;
        int pathStart = url.indexOf('/', hostStart);
        return pathStart < 0 ? url : url.substring(0, pathStart);
    }
}
