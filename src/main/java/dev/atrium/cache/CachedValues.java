package dev.atrium.cache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

/**
 * Reading and filling Quarkus caches by hand, without waiting: for callers on the event loop, and for
 * callers that look up many keys and load the misses together rather than one at a time.
 */
public final class CachedValues {

    private CachedValues() {
    }

    /** The value cached under this key, if one is there and loaded; empty while it is missing, loading or failed. */
    @SuppressWarnings("unchecked")
    public static <V> Optional<V> ifPresent(Cache cache, Object key) {
        CompletableFuture<Object> cached = cache.as(CaffeineCache.class).getIfPresent(key);
        if (cached == null || !cached.isDone() || cached.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.ofNullable((V) cached.getNow(null));
    }

    public static void put(Cache cache, Object key, Object value) {
        cache.as(CaffeineCache.class).put(key, CompletableFuture.completedFuture(value));
    }
}
