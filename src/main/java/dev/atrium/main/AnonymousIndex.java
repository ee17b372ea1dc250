package dev.atrium.main;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import dev.atrium.web.Page;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.Language;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;

/**
 * The index as an anonymous visitor sees it is the same page for everyone who reads that language, until
 * the first page of posts changes: it is rendered once per language and served as it is. The posts feature
 * caches its first page and hands out the same object until a post changes, so a different object means
 * render again; nothing here needs telling when posts change.
 */
@Singleton
public class AnonymousIndex {

    /** The page as text for the REST resource, and as bytes for {@link AnonymousIndexRoute}, encoded once. */
    private record Rendered(Page<PostView> from, String html, Buffer bytes) {
    }

    private final Map<Language, Rendered> byLanguage = new ConcurrentHashMap<>();
    private final PostService posts;

    AnonymousIndex(PostService posts) {
        this.posts = posts;
    }

    /** The page rendered from {@code firstPage} in {@code language}, from the last rendering when it still matches. */
    public String html(Page<PostView> firstPage, Language language, Supplier<TemplateInstance> template) {
        Rendered rendered = byLanguage.get(language);
        if (rendered == null || rendered.from() != firstPage) {
            String html = template.get().setLocale(language.locale()).render();
            rendered = new Rendered(firstPage, html, Buffer.buffer(html));
            byLanguage.put(language, rendered);
        }
        return rendered.html();
    }

    /**
     * The page in {@code language} if it has been rendered from the first page the posts feature holds now,
     * else null: without waiting on the database, so the event loop can ask.
     */
    Buffer current(Language language) {
        Rendered rendered = byLanguage.get(language);
        if (rendered == null) {
            return null;
        }
        return posts.firstPageIfCached().filter(page -> page == rendered.from()).map(page -> rendered.bytes()).orElse(null);
    }
}
