package dev.atrium.web;

import java.net.URI;

/** Where a redirect taken from user input may go: a path on this site, never another host. */
public final class LocalRedirects {

    private static final int MAX_LENGTH = 2048;

    private LocalRedirects() {
    }

    /** The path if it is a plain local one ({@code /about?x=1}); {@code /} for anything else. */
    public static String localPathOrRoot(String next) {
        if (next == null || next.length() > MAX_LENGTH || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = URI.create(next);
            return uri.getScheme() == null && uri.getAuthority() == null ? next : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** A 303 to a path of this site: where a form sends the browser after it has done its work. */
    public static jakarta.ws.rs.core.Response seeOther(String path) {
        return jakarta.ws.rs.core.Response.seeOther(URI.create(path)).build();
    }

    /** The local path and query of an absolute URL on any host; {@code /} when it has none or cannot be read. */
    public static String pathOf(String absolute) {
        try {
            URI uri = URI.create(absolute);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return localPathOrRoot(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "/";
        }
    }
}
