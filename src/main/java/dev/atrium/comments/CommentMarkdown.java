package dev.atrium.comments;

import java.util.Set;

import jakarta.inject.Singleton;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The Markdown of comments: a subset of a post's. Paragraphs, emphasis, code, links, lists, quotes and
 * fenced code; no headings, rules, tables or images, which would let a comment dress up as part of the
 * post. Raw HTML is escaped as in posts, and the result goes through the same kind of OWASP policy: only
 * these elements, http(s) and mailto links with rel="nofollow noopener noreferrer".
 */
@Singleton
class CommentMarkdown {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(new HtmlPolicyBuilder()
                    .allowElements("p", "blockquote", "ul", "ol", "li", "pre", "code", "br", "a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, ListBlock.class))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String toSafeHtml(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }
}
