package dev.atrium.web;

/**
 * A request path as logs may show it. The links in account emails carry their signed token as a path
 * segment ({@code /confirm/…}, {@code /reset/…}, {@code /settings/email/…}), and whoever reads the logs must
 * not be able to use them: a segment long enough to be a token is replaced by {@code [redacted]}. No
 * segment Atrium needs to see in a log is that long (usernames are at most 32 characters, post ids are
 * numbers, asset hashes 12 digits). The query string is left out altogether (searches hold email addresses).
 * The access log prints it as {@code %{d,atrium.log-path}} (put by {@link RequestContextFilter}).
 */
final class LogSafePath {

    /** The routing-context key the access log reads. */
    public static final String KEY = "atrium.log-path";
    static final int TOKEN_LENGTH = 40;
    private static final String REDACTED = "[redacted]";

    private LogSafePath() {
    }

    /** {@code path} (without its query) with every segment of {@value #TOKEN_LENGTH}+ characters redacted. */
    public static String of(String path) {
        if (path == null) {
            return "-";
        }
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (bare.length() < TOKEN_LENGTH) {
            return bare;
        }
        StringBuilder safe = new StringBuilder(bare.length());
        int start = 0;
        while (start <= bare.length()) {
            int slash = bare.indexOf('/', start);
            int end = slash < 0 ? bare.length() : slash;
            safe.append(end - start >= TOKEN_LENGTH ? REDACTED : bare.substring(start, end));
            if (slash < 0) {
                break;
            }
            safe.append('/');
            start = slash + 1;
        }
        return safe.toString();
    }
}
