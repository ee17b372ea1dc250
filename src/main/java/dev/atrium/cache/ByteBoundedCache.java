package dev.atrium.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A cache bounded by the bytes its values hold, for values whose size a visitor controls (a post's HTML, a page
 * that shows it): a count bound lets a few hundred large posts fill the heap, 64 MB in the native container.
 * Quarkus's cache configuration bounds by count only, so this is a Caffeine cache of its own. A value larger
 * than an eighth of the bound is not held at all: a few such would push out everything else.
 * <p>
 * Caffeine loads its cache and entry classes by name, one class per combination of features, so a native image
 * must have them registered. Quarkus's Caffeine feature registers a fixed list, which has the weighted entry
 * classes but not the weighted cache classes made here (a maximum weight, with and without expiry after write):
 * all four are registered below. They are Caffeine's internal names: {@code ByteBoundedCacheTest} fails when an
 * upgrade, or another feature used here, makes Caffeine choose a class not in this list.
 */
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMW", "com.github.benmanes.caffeine.cache.SSMWW",
        "com.github.benmanes.caffeine.cache.PSMW", "com.github.benmanes.caffeine.cache.PSWMW" })
public final class ByteBoundedCache<K, V> {

    private final Cache<K, V> cache;
    private final ToLongFunction<V> bytes;
    private final long largest;

    /**
     * Holds values of at most {@code maxBytes} in all ({@code bytes} says what one holds), each for
     * {@code expireAfterWrite} at most when given.
     */
    public ByteBoundedCache(long maxBytes, Optional<Duration> expireAfterWrite, ToLongFunction<V> bytes) {
        if (maxBytes < 8) {
            throw new IllegalArgumentException("a cache's byte bound must be at least 8, not " + maxBytes);
        }
        this.bytes = bytes;
        this.largest = maxBytes / 8;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumWeight(maxBytes);
        expireAfterWrite.ifPresent(builder::expireAfterWrite);
        this.cache = builder.<K, V> weigher((key, value) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes.applyAsLong(value))))
                .build();
    }

    /** The value held for this key, or null; never waits, so the event loop may ask. */
    public V getIfPresent(K key) {
        return cache.getIfPresent(key);
    }

    /** Holds the value, unless it is too large to. */
    public void put(K key, V value) {
        if (bytes.applyAsLong(value) <= largest) {
            cache.put(key, value);
        }
    }

    /**
     * The value held for this key, or one made now and held (unless too large). Requests that miss together wait
     * for one making, as a burst of readers does right after an edit.
     */
    public V get(K key, Function<K, V> make) {
        Object[] made = new Object[1];
        V held = cache.asMap().computeIfAbsent(key, k -> {
            V value = make.apply(k);
            made[0] = value;
            return bytes.applyAsLong(value) <= largest ? value : null;
        });
        @SuppressWarnings("unchecked")
        V value = held != null ? held : (V) made[0];
        return value;
    }

    /** Drops this key's value if it is still this one (a newer value put meanwhile stays). */
    public void remove(K key, V value) {
        cache.asMap().remove(key, value);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** What the held values weigh together, as Caffeine counts it (its bound applies after pending work). */
    long weight() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
