package dev.atrium.posts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.auth.AccountDirectory;
import dev.atrium.cache.CachedValues;
import dev.atrium.web.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.panache.common.Sort;

/**
 * Posts: writing, changing and listing them. Rendered HTML and the first index page are cached; every
 * change empties both caches on this replica, and the first-page cache also expires on its own (see
 * application.yaml) so other replicas catch up.
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
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong generation = new AtomicLong();

    PostService(AccountDirectory accounts, MarkdownRenderer markdown, MeterRegistry registry,
            @CacheName(FIRST_PAGE) Cache firstPageCache, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.written = Counter.builder("atrium.posts.written").description("Posts published").register(registry);
        this.accounts = accounts;
        this.markdown = markdown;
        this.firstPageCache = firstPageCache;
    }

    @CacheResult(cacheName = FIRST_PAGE)
    @Transactional
    public Page<PostView> firstPage() {
        return page(1);
    }

    /**
     * The first page as {@link #firstPage()} would return it now, if that needs no database: for the event
     * loop, which must not wait. Empty while the cache is empty, loading, or failed to load.
     */
    public Optional<Page<PostView>> firstPageIfCached() {
        // a method without parameters is cached under the cache's default key
        return CachedValues.ifPresent(firstPageCache, firstPageCache.getDefaultKey());
    }

    /**
     * A number that moves on with every committed change to any post on this replica. Read it before reading
     * the posts a page is made from: if it has moved on since, the page may show what was changed.
     */
    public long generation() {
        return generation.get();
    }

    /** Moves the generation on once the current transaction has ended, so that nothing read before the change carries the new one. */
    private void changing() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                generation.incrementAndGet();
            }
        });
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

    @CacheInvalidateAll(cacheName = FIRST_PAGE)
    @CacheInvalidateAll(cacheName = "post-html")
    @Transactional
    public PostView create(long authorId, String title, String body) {
        Post post = new Post();
        post.authorId = authorId;
        post.title = title.strip();
        post.body = body;
        post.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        post.updatedAt = post.createdAt;
        post.persistAndFlush();
        changing();
        LOG.infof("Account %d wrote post %d", authorId, post.id);
        written.increment();
        return views(List.of(post)).get(0);
    }

    @CacheInvalidateAll(cacheName = FIRST_PAGE)
    @CacheInvalidateAll(cacheName = "post-html")
    @Transactional
    public Optional<PostView> update(long id, String title, String body) {
        return Post.<Post> findByIdOptional(id).map(post -> {
            changing();
            post.title = title.strip();
            post.body = body;
            post.updatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return views(List.of(post)).get(0);
        });
    }

    @CacheInvalidateAll(cacheName = FIRST_PAGE)
    @CacheInvalidateAll(cacheName = "post-html")
    @Transactional
    public boolean delete(long id) {
        changing();
        return Post.deleteById(id);
    }

    /**
     * For the comments feature: a comment of post {@code id} was added ({@code delta} 1), deleted (-1), hidden
     * or shown (0). Moves the post's count and the time its page changed in the caller's transaction, and
     * retires what is held of the post's page and the index, as an edit of the post does. False when there is
     * no such post: the caller's change must not go ahead. The row stays locked until the caller commits, so
     * a post deleted meanwhile cannot leave a comment behind.
     */
    @CacheInvalidateAll(cacheName = FIRST_PAGE)
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean commentsChanged(long id, int delta) {
        int updated = Post.update("commentCount = commentCount + ?1, commentsChangedAt = ?2 where id = ?3",
                delta, clock.instant().truncatedTo(ChronoUnit.MILLIS), id);
        if (updated > 0) {
            changing();
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
    @CacheResult(cacheName = "post-html")
    String html(@CacheKey long id, @CacheKey long version, String body) {
        return markdown.toSafeHtml(body);
    }
}
