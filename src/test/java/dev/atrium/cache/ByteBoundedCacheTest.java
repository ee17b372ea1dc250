package dev.atrium.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ByteBoundedCacheTest {

    @Test
    void whatIsHeldNeverWeighsMoreThanTheBound() {
        ByteBoundedCache<Integer, String> cache = new ByteBoundedCache<>(10_000, Optional.empty(), String::length);
        for (int i = 0; i < 500; i++) {
            cache.put(i, "y".repeat(1_000));
        }
        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(10_000);
    }

    @Test
    void aValueOverAnEighthOfTheBoundIsMadeButNotHeld() {
        ByteBoundedCache<String, String> cache = new ByteBoundedCache<>(8_000, Optional.empty(), String::length);
        AtomicInteger made = new AtomicInteger();
        assertThat(cache.get("big", key -> { made.incrementAndGet(); return "z".repeat(1_001); })).hasSize(1_001);
        assertThat(cache.get("big", key -> { made.incrementAndGet(); return "z".repeat(1_001); })).hasSize(1_001);
        assertThat(made).hasValue(2);

        assertThat(cache.get("small", key -> { made.incrementAndGet(); return "z".repeat(1_000); })).hasSize(1_000);
        assertThat(cache.get("small", key -> { made.incrementAndGet(); return "other"; })).hasSize(1_000);
        assertThat(made).hasValue(3);
    }

    @Test
    void aBoundTooSmallToHoldAnythingIsRefused() {
        assertThatThrownBy(() -> new ByteBoundedCache<String, String>(0, Optional.empty(), String::length))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
