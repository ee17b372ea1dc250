package dev.atrium.posts;

import jakarta.inject.Singleton;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to HTML that is safe to put in a page whatever the author typed: CommonMark renders (raw HTML
 * in the source escaped, not passed through), then the OWASP sanitiser keeps only formatting, blocks,
 * tables and http(s)/mailto links, so no script, event handler or {@code javascript:} URL survives.
 */
@Singleton
public class MarkdownRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "pre", "code", "hr", "br")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toSafeHtml(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }
}
