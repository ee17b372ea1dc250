package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.atrium.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Whatever a client sends, the answer is never a 5xx and never shows a stack trace. Requests are written
 * byte for byte, since HTTP client libraries refuse or repair most of these.
 */
@QuarkusTest
class BadInputTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    static Stream<Named<String>> malformedRequests() {
        String longValue = "a".repeat(20_000);
        return Stream.of(
                request("bad percent-encoding", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("truncated percent-encoding", "GET /about% HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("overlong UTF-8 dots", "GET /%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("encoded NUL", "GET /about%00.html HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("path traversal", "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("encoded traversal", "GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("very long path", "GET /" + "p".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("very long query", "GET /?q=" + "q".repeat(7_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("unicode path", "GET /关于 HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("encoded unicode path", "GET /%E5%85%B3%E4%BA%8E HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("PROPFIND", "PROPFIND /about HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("garbage Accept", "GET / HTTP/1.1\r\nHost: x\r\nAccept: ;;;,,,/\r\n\r\n"),
                request("bad Accept quality", "GET / HTTP/1.1\r\nHost: x\r\nAccept: text/html;q=abc\r\n\r\n"),
                request("garbage Accept-Language", "GET /about HTTP/1.1\r\nHost: x\r\nAccept-Language: ;;;,q=x,-\r\n\r\n"),
                request("huge Accept-Language", "GET /about HTTP/1.1\r\nHost: x\r\nAccept-Language: " + "zh,".repeat(2000) + "\r\n\r\n"),
                request("oversized header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + longValue + "\r\n\r\n"),
                request("many headers", "GET / HTTP/1.1\r\nHost: x\r\n" + "X-H: v\r\n".repeat(500) + "\r\n"),
                request("header without a colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"),
                request("non-ASCII header value", "GET / HTTP/1.1\r\nHost: x\r\nX-Name: 名字\r\n\r\n"),
                request("bad language cookie", "GET / HTTP/1.1\r\nHost: x\r\nCookie: atrium-lang=\"\\u0000;;\r\n\r\n"),
                request("missing Host", "GET / HTTP/1.1\r\n\r\n"),
                request("bad Content-Length", "POST /language HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
                request("negative Content-Length", "POST /language HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
                request("huge Content-Length", "POST /about HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n"),
                request("body on GET", "GET /about HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"),
                request("junk request line", "HELLO\r\n\r\n"),
                request("HTTP/0.9 style", "GET /\r\n\r\n"),
                request("unknown HTTP version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
                request("bad language switch", "GET /language?lang=%ff%fe&next=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("script in the language switch", "GET /language?lang=<script>&next=javascript:alert(1) HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("repeated parameters", "GET /language?lang=en&lang=zh-CN&next=/&next=// HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("injection in request id", "GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: 1' OR '1'='1\r\n\r\n"),
                // what analytics reads of a page view
                request("garbage X-Forwarded-For", "GET /about HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0 Firefox/133.0\r\n"
                        + "X-Forwarded-For: ::::,,,not-an-ip, 999.1.1.1\r\nX-Forwarded-Proto: gopher\r\n\r\n"),
                request("garbage Referer", "GET /about HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0 Firefox/133.0\r\n"
                        + "Referer: http://[::1/%zz\u0000<script>\r\n\r\n"),
                request("huge Referer host", "GET /about HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0 Firefox/133.0\r\n"
                        + "Referer: https://" + "h".repeat(5_000) + ".example/\r\n\r\n"),
                request("huge User-Agent", "GET /about HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0 " + "Chrome/".repeat(1_500)
                        + "\r\n\r\n"),
                request("fingerprinted asset with a bad hash", "GET /assets/%zz/app.css HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("fingerprinted asset traversal", "GET /assets/0123456789ab/..%2f..%2fapplication.yaml HTTP/1.1\r\nHost: x\r\n\r\n"),
                request("anonymous admin form", "POST /admin/users/admin/disable HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b"),
                // found by the attack review: each was a 500 with an ERROR and its stack trace in the log
                request("bad percent-encoding in a form", "POST /login HTTP/1.1\r\nHost: x\r\nCookie: atrium-csrf=abc\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 35\r\n\r\ncsrf-token=abc&login=%zz&password=x"),
                request("bad percent-encoding in a registration", "POST /register HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n%zz"),
                request("multipart without a boundary", "POST /logout HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: multipart/form-data; boundary=\r\nContent-Length: 1\r\n\r\nx"),
                request("multipart without a boundary to a form", "POST /reset HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: multipart/form-data; boundary=\r\nContent-Length: 1\r\n\r\nx"),
                request("plain text to a form", "POST /register HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 1\r\n\r\nx"),
                request("JSON to the login form", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\n\r\n{}"),
                request("garbage If-Modified-Since", "GET /posts/1 HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
                        + "If-Modified-Since: garbage\r\n\r\n"),
                request("garbage If-None-Match", "GET /posts/1 HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
                        + "If-None-Match: \"\r\n\r\n"));
    }

    private static Named<String> request(String name, String raw) {
        return Named.of(name, raw);
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void neverA5xxNorAStackTrace(String raw) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, raw);

        assertThat(answer.status()).as("status of %s", answer.head()).isBetween(200, 499);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.")
                .doesNotContain("at dev.atrium");
    }

    /** A page of each feature, and each form and API route that takes a body. */
    private static final List<String> PAGES = List.of("/", "/about", "/hello_world", "/login", "/register", "/reset", "/settings",
            "/admin", "/admin/users", "/admin/audit", "/admin/analytics", "/admin/system", "/posts/new", "/posts/1", "/posts/1/edit",
            "/users/admin", "/language?lang=en&next=/about", "/unconfirmed", "/confirm/abc", "/api/v1/posts", "/api/v1/posts/1",
            "/api/v1/users/admin", "/api/v1/users/me", "/assets/0123456789ab/app.css");
    private static final List<String> FORMS = List.of("/login", "/logout", "/register", "/reset", "/posts", "/posts/1",
            "/posts/1/delete", "/posts/preview", "/settings/password", "/settings/email", "/settings/tokens",
            "/admin/users/admin/disable", "/admin/users/admin/role", "/confirm/abc", "/confirm/resend");
    private static final List<String> JSON_ROUTES = List.of("/api/v1/posts", "/api/v1/posts/1", "/api/v1/markdown", "/posts/preview");

    /** Other spellings of every route: a ";", a "%2e" segment, doubled slashes, zero-padded ids. */
    static Stream<Named<String>> oddSpellings() {
        return PAGES.stream().flatMap(page -> {
            int query = page.indexOf('?');
            String path = query < 0 ? page : page.substring(0, query);
            String rest = query < 0 ? "" : page.substring(query);
            return Stream.of(path + ";x=1" + rest, path + ";jsessionid=ABC" + rest, "/%2e" + path + rest, "/" + path + rest,
                    path.replace("/", "//") + rest, path.replace("/1", "/0001") + rest, path + rest + (rest.isEmpty() ? "?a=1;b" : ";b"))
                    .distinct()
                    .map(odd -> request(odd, "GET " + odd + " HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n"));
        });
    }

    /** Host is the client's to choose: odd ones on pages that redirect and pages that do not. */
    static Stream<Named<String>> oddHosts() {
        return Stream.of("evil.example", "a;b", "[::1", "x".repeat(300), "localhost:99999", "", "evil.example, other.example")
                .flatMap(host -> Stream.of("/admin", "/settings", "/", "/language?lang=en&next=/", "/posts/1")
                        .map(path -> request(path + " Host: " + host, "GET " + path + " HTTP/1.1\r\nHost: " + host
                                + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")));
    }

    /** More form fields than the server takes, and JSON that names a key twice, on every route that takes a body. */
    static Stream<Named<String>> floodedBodies() {
        String flood = IntStream.range(0, 1_500).mapToObj(i -> "p" + i + "=v").collect(Collectors.joining("&"));
        String repeated = "{\"title\":\"a\",\"title\":\"b\",\"body\":\"x\",\"body\":\"y\",\"markdown\":\"m\",\"markdown\":\"n\"}";
        return Stream.concat(
                FORMS.stream().map(path -> request("parameter flood on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                        + "Accept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                        + "Content-Length: " + flood.length() + "\r\n\r\n" + flood)),
                JSON_ROUTES.stream().map(path -> request("repeated JSON keys on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                        + "Accept: application/json\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + repeated.length() + "\r\n\r\n" + repeated)));
    }

    @ParameterizedTest
    @MethodSource({ "oddSpellings", "oddHosts", "floodedBodies" })
    void everyRouteAnswersOddInputWithoutA5xxOrAnAbsoluteRedirectElsewhere(String raw) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, raw);

        assertThat(answer.status()).as("answered, and not with a 5xx: %s", answer.head()).isBetween(200, 499);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(answer.head().toLowerCase()).doesNotContain("location: http").doesNotContain("evil.example");
    }
}
