package dev.atrium.posts;

import jakarta.inject.Singleton;

import dev.atrium.cache.CachedValues;
import dev.atrium.web.Language;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.vertx.core.buffer.Buffer;

/**
 * A post's page as anonymous visitors see it is the same for all who read that language, so the rendering
 * {@link PostsResource} makes for one of them is held here and {@link AnonymousPostPageRoute} sends it to the
 * next without the database. A held page is served only while {@link PostService#generation()} is the one
 * read before its post was: any change to a post on this replica retires them all at once. Changes made on
 * another replica are not heard of here, so a held page also expires on its own (see application.yaml),
 * as the first page of the index does.
 */
@Singleton
public class AnonymousPostPages {

    private record Key(long id, Language language) {
    }

    /** The page as bytes, encoded once, with the validators the resource sent beside it. */
    record Held(long generation, Buffer bytes, String etag, String lastModified) {
    }

    private final PostService posts;
    private final Cache cache;

    AnonymousPostPages(PostService posts, @CacheName("post-pages") Cache cache) {
        this.posts = posts;
        this.cache = cache;
    }

    /** The page of post {@code id} in {@code language} as it is now, or null when none is held or it may be out of date. */
    Held current(long id, Language language) {
        return CachedValues.<Held> ifPresent(cache, new Key(id, language))
                .filter(held -> held.generation() == posts.generation())
                .orElse(null);
    }

    /** Holds a rendering of post {@code id} made from what was read at {@code generation}. */
    void hold(long id, Language language, long generation, String html, String etag, String lastModified) {
        CachedValues.put(cache, new Key(id, language), new Held(generation, Buffer.buffer(html), etag, lastModified));
    }
}
