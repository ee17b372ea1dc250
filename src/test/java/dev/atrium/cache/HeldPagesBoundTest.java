package dev.atrium.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.config.AtriumConfig;
import dev.atrium.web.Language;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages held for anonymous readers are bounded by their bytes, not their count: a post's page is as large as
 * its author made it (100,000 characters of Markdown), and a few hundred of them held by count filled the native
 * container's 64 MB heap.
 */
@QuarkusTest
class HeldPagesBoundTest {

    @Inject
    HeldPages pages;
    @Inject
    AtriumConfig config;

    @Test
    void manyLargePagesStayWithinTheByteBound() {
        long bound = config.caches().heldPagesSize().asLongValue();
        String large = "x".repeat(100_000);
        int count = (int) (3 * bound / large.length());
        for (int i = 0; i < count; i++) {
            pages.hold("/bound-test/" + i, Language.EN, pages.generation(), large, null, null);
        }
        assertThat(pages.heldBytes()).isPositive().isLessThanOrEqualTo(bound);
    }

    @Test
    void aPageOverAnEighthOfTheBoundIsNotHeld() {
        long bound = config.caches().heldPagesSize().asLongValue();
        String path = "/bound-test/huge";
        pages.hold(path, Language.EN, pages.generation(), "x".repeat((int) (bound / 8) + 1), null, null);
        assertThat(pages.current(path, Language.EN)).isNull();

        pages.hold(path, Language.EN, pages.generation(), "x".repeat(1000), null, null);
        assertThat(pages.current(path, Language.EN)).isNotNull();
    }
}
