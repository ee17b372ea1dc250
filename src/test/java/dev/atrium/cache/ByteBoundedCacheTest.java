package dev.atrium.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

class ByteBoundedCacheTest {

    /**
     * The native image has only the Caffeine classes registered for it: the classes Caffeine picks for these caches
     * must be in the list (a Caffeine upgrade may rename them, and would otherwise fail only natively).
     */
    @Test
    void theCaffeineClassesUsedAreTheOnesRegisteredForTheNativeImage() throws ReflectiveOperationException {
        var registered = Arrays.asList(ByteBoundedCache.class.getAnnotation(RegisterForReflection.class).classNames());
        for (Optional<Duration> expiry : java.util.List.of(Optional.<Duration> empty(), Optional.of(Duration.ofSeconds(30)))) {
            ByteBoundedCache<String, String> cache = new ByteBoundedCache<>(1_000, expiry, String::length);
            cache.put("k", "v");
            Object local = field(field(cache, "cache"), "cache");
            assertThat(registered).as("the cache class").contains(local.getClass().getName());
            Object node = ((java.util.Map<?, ?>) field(local, "data")).values().iterator().next();
            assertThat(registered).as("the entry class").contains(node.getClass().getName());
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

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
    void missesTogetherMakeTheValueOnce() throws InterruptedException {
        ByteBoundedCache<String, String> cache = new ByteBoundedCache<>(8_000, Optional.empty(), String::length);
        AtomicInteger made = new AtomicInteger();
        Thread[] readers = new Thread[8];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> cache.get("post", key -> {
                made.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "rendered";
            }));
            readers[i].start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void aBoundTooSmallToHoldAnythingIsRefused() {
        assertThatThrownBy(() -> new ByteBoundedCache<String, String>(0, Optional.empty(), String::length))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
