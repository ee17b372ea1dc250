package dev.atrium.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

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

    /**
     * A 303 to a path of this site: where a form sends the browser after it has done its work. The Location
     * stays relative: the REST layer would otherwise make it absolute from the request's Host header, which
     * the client chooses ({@code Host: evil.example} sent the browser there).
     */
    public static Response seeOther(String path) {
        return seeOtherBuilder(path).build();
    }

    /** {@link #seeOther(String)}, for a response that adds more (a cookie, say). */
    public static Response.ResponseBuilder seeOtherBuilder(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }
}
