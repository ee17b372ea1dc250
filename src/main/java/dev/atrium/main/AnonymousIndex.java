package dev.atrium.main;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import dev.atrium.posts.Page;
import dev.atrium.posts.PostView;
import dev.atrium.web.Language;
import io.quarkus.qute.TemplateInstance;

/**
 * The index as an anonymous visitor sees it is the same page for everyone who reads that language, until
 * the first page of posts changes: it is rendered once per language and served as it is. The posts feature
 * caches its first page and hands out the same object until a post changes, so a different object means
 * render again; nothing here needs telling when posts change.
 */
@Singleton
public class AnonymousIndex {

    private record Rendered(Page<PostView> from, String html) {
    }

    private final Map<Language, Rendered> byLanguage = new ConcurrentHashMap<>();

    /** The page rendered from {@code firstPage} in {@code language}, from the last rendering when it still matches. */
    public String html(Page<PostView> firstPage, Language language, Supplier<TemplateInstance> template) {
        Rendered rendered = byLanguage.get(language);
        if (rendered == null || rendered.from() != firstPage) {
            rendered = new Rendered(firstPage, template.get().setLocale(language.locale()).render());
            byLanguage.put(language, rendered);
        }
        return rendered.html();
    }
}
