package dev.atrium.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PageViewBufferTest {

    private static PageView view(String path) {
        return new PageView(Instant.now(), path, null, "Firefox", "desktop", 200, "192.0.2.1", "Mozilla/5.0 Firefox/133.0");
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        return registry.get(PageViewBuffer.EVENTS_METRIC).tag("outcome", outcome).counter().count();
    }

    @Test
    void aFullBufferDropsAndCountsInsteadOfWaiting() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PageViewBuffer buffer = new PageViewBuffer(2, registry);

        assertThat(buffer.offer(view("/a"))).isTrue();
        assertThat(buffer.offer(view("/b"))).isTrue();
        long start = System.nanoTime();
        assertThat(buffer.offer(view("/c"))).isFalse();
        assertThat(buffer.offer(view("/d"))).isFalse();
        assertThat(System.nanoTime() - start).as("offering to a full buffer returns at once").isLessThan(1_000_000_000L);

        assertThat(count(registry, "dropped")).isEqualTo(2);
        assertThat(registry.get("atrium.analytics.buffered").gauge().value()).isEqualTo(2);
        assertThat(buffer.take(10)).extracting(PageView::path).containsExactly("/a", "/b");
        assertThat(buffer.offer(view("/e"))).as("room again once taken").isTrue();
    }

    @Test
    void takesInBatchesOldestFirstAndCountsWhatWasWritten() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PageViewBuffer buffer = new PageViewBuffer(10, registry);
        for (int i = 0; i < 5; i++) {
            buffer.offer(view("/" + i));
        }
        assertThat(buffer.take(3)).extracting(PageView::path).containsExactly("/0", "/1", "/2");
        assertThat(buffer.take(3)).extracting(PageView::path).containsExactly("/3", "/4");
        assertThat(buffer.take(3)).isEmpty();
        buffer.written(5);
        assertThat(count(registry, "recorded")).isEqualTo(5);
        assertThat(count(registry, "dropped")).isZero();
    }
}
