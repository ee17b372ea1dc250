package dev.atrium.web;

import java.util.List;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address as the trusted proxy in front of us saw it, for login throttling and analytics.
 * Quarkus believes a trusted proxy's {@code X-Forwarded-For} but takes its first entry, and a proxy that
 * appends to the client's own header (nginx's {@code $proxy_add_x_forwarded_for}, most load balancers)
 * leaves that first entry to the client: with a new made-up one per request, failed logins never met the
 * per-address limit and one visitor counted as many. The last entry is the one the proxy added. Whether the
 * proxy is trusted at all stays Quarkus' decision ({@code quarkus.http.proxy.trusted-proxies}), which it
 * states in {@code X-Forwarded-Trusted-Proxy} ({@code enable-trusted-proxy-header}, after removing any
 * such header the client sent).
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String TRUSTED_PROXY = "X-Forwarded-Trusted-Proxy";

    private ClientAddress() {
    }

    /** The client's address, or "" when the connection has none (a Unix socket). */
    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress(); // first: has Quarkus judge the forwarded headers
        if ("true".equals(request.getHeader(TRUSTED_PROXY))) {
            String last = withoutPort(lastEntry(request.headers().getAll(FORWARDED_FOR)));
            if (!last.isEmpty()) {
                return last;
            }
        }
        return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
    }

    /** "192.0.2.1:5678" and "[2001:db8::1]:5678" as Quarkus reads them, without the port; a bare IPv6 address as it is. */
    static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** The last non-blank entry of the header's values read as one comma-separated list, or "". */
    static String lastEntry(List<String> values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            String[] entries = values.get(i).split(",");
            for (int j = entries.length - 1; j >= 0; j--) {
                if (!entries[j].isBlank()) {
                    return entries[j].strip();
                }
            }
        }
        return "";
    }
}
