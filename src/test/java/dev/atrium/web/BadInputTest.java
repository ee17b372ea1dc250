package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b"));
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
}
