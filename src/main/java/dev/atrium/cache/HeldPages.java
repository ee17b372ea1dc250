package dev.atrium.cache;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import io.vertx.core.buffer.Buffer;

/**
 * Pages that are the same for every anonymous reader of a language (the index, a post's page): rendered by
 * their resource for one such reader, held here by path and language with their validators, and sent to the
 * next ones by {@link HeldPageRoute} from the event loop, without the security layer or the database.
 * Holding another page is one call of {@link #hold} in its resource.
 * <p>
 * Freshness has one rule. Every committed change to content ({@link ContentChanged}, heard after the commit)
 * retires every held page at once, and moves {@link #generation()} on: a resource reads the generation
 * before it reads what its page is made of, and a page made from what was read before a change is never
 * held. Changes committed on another replica are not heard of here: a held page lives for
 * {@code atrium.caches.held-pages-ttl} at most, which bounds how stale another replica's copy can be. What is
 * held is bounded by its bytes ({@code atrium.caches.held-pages-size}): a post's page is as large as its author
 * made it.
 */
@Singleton
public class HeldPages {

    private static final Logger LOG = Logger.getLogger(HeldPages.class);
    /**
     * Compared on every request: equals, hashCode and toString are written out, since javac's are an
     * invokedynamic that the native executable runs as interpreted method handles (RecordKeysTest).
     */
    private record Key(String path, Language language) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(path, key.path) && language == key.language;
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(path) + Objects.hashCode(language);
        }

        @Override
        public String toString() {
            return language + " " + path;
        }
    }

    /**
     * A page as its bytes, encoded once, with the validators its resource sent beside it (null when it sent none)
     * and the generation it was made at.
     */
    public record Held(Buffer bytes, String etag, String lastModified, long generation) {

        boolean hasValidators() {
            return etag != null || lastModified != null;
        }

        /** Roughly what holding it costs: the page's bytes and the validators, and a little for the entry. */
        long weight() {
            return bytes.length() + (etag == null ? 0 : etag.length()) + (lastModified == null ? 0 : lastModified.length()) + 128L;
        }
    }

    private final ByteBoundedCache<Key, Held> cache;
    private final AtomicLong generation = new AtomicLong();

    HeldPages(AtriumConfig config) {
        this.cache = new ByteBoundedCache<>(config.caches().heldPagesSize().asLongValue(),
                Optional.of(config.caches().heldPagesTtl()), Held::weight);
    }

    /**
     * A number that moves on with every committed change to content on this replica. Read it before reading
     * what a page is made of, and hand it to {@link #hold}.
     */
    public long generation() {
        return generation.get();
    }

    /**
     * Holds {@code html} as the page at {@code path} in {@code language}, made from what was read at
     * {@code generation}; not at all when content has changed since. {@code etag} and {@code lastModified} are
     * the header values the resource sends, or null. Only from a request for exactly that path
     * ({@code RequestInfo.isPath}): another spelling of it ({@code /posts/0001}, {@code /;x=...}) would put the
     * visitor's text in the page held for everyone.
     */
    public void hold(String path, Language language, long generation, String html, String etag, String lastModified) {
        if (generation != this.generation.get()) {
            return;
        }
        Key key = new Key(path, language);
        Held held = new Held(Buffer.buffer(html), etag, lastModified, generation);
        cache.put(key, held);
        // a change committed while the page was put here may have retired the others before this one arrived:
        // current() already refuses it (its generation is behind); this frees the memory
        if (generation != this.generation.get()) {
            cache.remove(key, held);
        }
    }

    /**
     * The page held at {@code path} in {@code language}, or null: a map look-up, without waiting, so the event
     * loop can ask. {@code path} is the request's normalised path. A page made before the last change is never
     * answered, even in the moment between a change's commit and the cache's emptying, or between a late
     * {@link #hold} and its second look at the generation.
     */
    public Held current(String path, Language language) {
        Held held = cache.getIfPresent(new Key(path, language));
        return held != null && held.generation() == generation.get() ? held : null;
    }

    /** What the held pages weigh together, in bytes. */
    long heldBytes() {
        return cache.weight();
    }

    /** After the commit, so that the next request reads the change and what it holds is current. */
    void retire(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        generation.incrementAndGet();
        cache.invalidateAll();
        LOG.debugf("Held pages retired: %s", change.what());
    }
}
