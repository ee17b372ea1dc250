package dev.atrium.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void markdownBecomesHtml() {
        String html = renderer.toSafeHtml("# Title\n\nSome **bold** and *italic* text, `code`, and a [link](https://example.org).\n\n- one\n- two\n");
        assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>", "<em>italic</em>", "<code>code</code>",
                "<li>one</li>", "href=\"https://example.org\"", "nofollow", "noopener", "noreferrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](JaVaScRiPt:alert(1))",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "![x](javascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<p onclick=\"alert(1)\">hi</p>",
            "<<script>script>alert(1)<</script>/script>" })
    void nothingActiveSurvives(String attack) {
        String html = renderer.toSafeHtml(attack).toLowerCase();
        // the attack may survive as visible, escaped text; no tag may carry it
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertThat(tag).as("tag in %s", html).doesNotContainPattern("\\son[a-z]+\\s*=")
                    .doesNotContain("javascript:", "data:", "style=")
                    .doesNotStartWith("<script").doesNotStartWith("<img").doesNotStartWith("<iframe")
                    .doesNotStartWith("<svg");
        }
    }

    private static final Pattern TAG = Pattern.compile("<[a-z][^>]*>");
}
