package dev.atrium.posts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.auth.AccountDirectory;
import dev.atrium.cache.ByteBoundedCache;
import dev.atrium.cache.ContentChanged;
import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.panache.common.Sort;

/**
 * Posts: writing, changing and listing them. Rendered HTML and the first index page are cached. Every change
 * fires {@link ContentChanged} in its transaction: once it is committed, the first page is dropped here and
 * the pages held for anonymous readers are retired ({@code cache/HeldPages}). The first page also expires on
 * its own (see application.yaml) so other replicas catch up; rendered HTML is cached under the post's
 * version, so an edit never meets an old rendering.
 */
@ApplicationScoped
public class PostService {

    private static final Logger LOG = Logger.getLogger(PostService.class);
    public static final int PAGE_SIZE = 10;
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");
    private static final String FIRST_PAGE = "posts-first-page";

    private final AccountDirectory accounts;
    private final MarkdownRenderer markdown;
    private final Clock clock = Clock.systemUTC();

    private final Counter written;
    private final Cache firstPageCache;
    private final Event<ContentChanged> changes;
    /** Keyed by version, so an edit needs no invalidation; bounded by bytes, since a post may be 100,000 characters. */
    private final ByteBoundedCache<Rendered, String> renderedPosts;

    PostService(AccountDirectory accounts, MarkdownRenderer markdown, MeterRegistry registry,
            @CacheName(FIRST_PAGE) Cache firstPageCache, Event<ContentChanged> changes, AtriumConfig config) {
        this.written = Counter.builder("atrium.posts.written").description("Posts published").register(registry);
        this.accounts = accounts;
        this.markdown = markdown;
        this.firstPageCache = firstPageCache;
        this.changes = changes;
        // a Java string of these characters: two bytes each at most
        this.renderedPosts = new ByteBoundedCache<>(config.caches().postHtmlSize().asLongValue(), Optional.empty(),
                html -> 2L * html.length() + 64);
    }

    @CacheResult(cacheName = FIRST_PAGE)
    @Transactional
    public Page<PostView> firstPage() {
        return page(1);
    }

    /**
     * After a change is committed, not before: emptied in the window before the commit, the cache would be
     * filled again from what the database still showed, and keep that until it expired.
     */
    void dropFirstPage(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        firstPageCache.invalidateAll().await().indefinitely();
    }

    @Transactional
    public Page<PostView> page(int number) {
        long total = Post.count();
        List<Post> posts = Post.findAll(NEWEST_FIRST).page(number - 1, PAGE_SIZE).list();
        return new Page<>(views(posts), number, PAGE_SIZE, total);
    }

    @Transactional
    public Page<PostView> byAuthor(long authorId, int number) {
        long total = Post.count("authorId", authorId);
        List<Post> posts = Post.find("authorId", NEWEST_FIRST, authorId).page(number - 1, PAGE_SIZE).list();
        return new Page<>(views(posts), number, PAGE_SIZE, total);
    }

    /**
     * A page of the posts that {@code condition} (HQL on {@code Post}, with named parameters) selects, newest
     * first: one query for the page and one for the count, whatever the condition names. For features that
     * choose posts by data of their own (the followed feed's subquery on follows), so this one need not know it.
     */
    @Transactional
    public Page<PostView> where(String condition, Map<String, Object> parameters, int number) {
        long total = Post.count(condition, parameters);
        List<Post> posts = Post.find(condition, NEWEST_FIRST, parameters).page(number - 1, PAGE_SIZE).list();
        return new Page<>(views(posts), number, PAGE_SIZE, total);
    }

    @Transactional
    public Optional<PostView> get(long id) {
        return Post.<Post> findByIdOptional(id).map(post -> views(List.of(post)).get(0));
    }

    @Transactional
    public PostView create(long authorId, String title, String body) {
        Post post = new Post();
        post.authorId = authorId;
        post.title = title.strip();
        post.body = body;
        post.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        post.updatedAt = post.createdAt;
        post.persistAndFlush();
        changes.fire(new ContentChanged("post " + post.id + " written"));
        LOG.infof("Account %d wrote post %d", authorId, post.id);
        written.increment();
        return views(List.of(post)).get(0);
    }

    @Transactional
    public Optional<PostView> update(long id, String title, String body) {
        return Post.<Post> findByIdOptional(id).map(post -> {
            changes.fire(new ContentChanged("post " + id + " edited"));
            post.title = title.strip();
            post.body = body;
            post.updatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return views(List.of(post)).get(0);
        });
    }

    @Transactional
    public boolean delete(long id) {
        boolean deleted = Post.deleteById(id);
        if (deleted) {
            changes.fire(new ContentChanged("post " + id + " deleted"));
        }
        return deleted;
    }

    /**
     * For the comments feature: a comment of post {@code id} was added ({@code delta} 1), deleted (-1), hidden
     * or shown (0). Moves the post's count and the time its page changed in the caller's transaction, and
     * fires {@link ContentChanged} in it, as an edit of the post does. False when there is
     * no such post: the caller's change must not go ahead. The row stays locked until the caller commits, so
     * a post deleted meanwhile cannot leave a comment behind.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean commentsChanged(long id, int delta) {
        int updated = Post.update("commentCount = commentCount + ?1, commentsChangedAt = ?2 where id = ?3",
                delta, clock.instant().truncatedTo(ChronoUnit.MILLIS), id);
        if (updated > 0) {
            changes.fire(new ContentChanged("comments of post " + id));
        }
        return updated > 0;
    }

    /** The titles of the posts with these ids that exist, for lists of comments from many posts. */
    @Transactional
    public Map<Long, String> titles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> titles = new HashMap<>();
        Post.<Post> list("id in ?1", Set.copyOf(ids)).forEach(post -> titles.put(post.id, post.title));
        return titles;
    }

    private List<PostView> views(List<Post> posts) {
        Map<Long, String> authors = accounts.usernames(posts.stream().map(post -> post.authorId).toList());
        return posts.stream()
                .map(post -> new PostView(post.id, post.title, post.body, html(post.id, post.updatedAt.toEpochMilli(), post.body),
                        authors.getOrDefault(post.authorId, "?"), post.authorId, post.createdAt, post.updatedAt,
                        post.commentCount, post.commentsChangedAt))
                .toList();
    }

    /** Rendering is the costly part of a page; the key's version changes with every edit. */
    String html(long id, long version, String body) {
        return renderedPosts.get(new Rendered(id, version), key -> markdown.toSafeHtml(body));
    }

    /**
     * A post's rendering's key: the post, and its version (when it was last edited). equals, hashCode and
     * toString are written out: javac's are an invokedynamic the native executable interprets (RecordKeysTest).
     */
    private record Rendered(long id, long version) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Rendered key && id == key.id && version == key.version;
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(id) + Long.hashCode(version);
        }

        @Override
        public String toString() {
            return id + "@" + version;
        }
    }
}
