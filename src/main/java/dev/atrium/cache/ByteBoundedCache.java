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
 * Caffeine makes its cache and entry classes by name, one class per combination of features. Quarkus registers
 * for the native image the combinations its own caches use; the weighted ones made here (a maximum weight, with
 * and without expiry after write) are registered below.
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
        this.cache = builder.<K, V> weigher((key, value) -> (int) Math.max(1, bytes.applyAsLong(value))).build();
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

    /** The value held for this key, or one made now and held (unless too large). */
    public V get(K key, Function<K, V> make) {
        V held = cache.getIfPresent(key);
        if (held != null) {
            return held;
        }
        V made = make.apply(key);
        put(key, made);
        return made;
    }

    public void invalidate(K key) {
        cache.invalidate(key);
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
