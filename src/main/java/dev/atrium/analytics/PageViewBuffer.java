package dev.atrium.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bounded hand-over between requests and the writer. Offering never blocks: when the buffer is full
 * (the database is slow or away), the view is dropped and counted, so analytics can never slow a page down
 * or fill the heap.
 */
@Singleton
class PageViewBuffer {

    static final String EVENTS_METRIC = "atrium.analytics.events";

    private final BlockingQueue<PageView> queue;
    private final Counter recorded;
    private final Counter dropped;

    @Inject
    PageViewBuffer(AtriumConfig config, MeterRegistry registry) {
        this(config.analytics().bufferSize(), registry);
    }

    PageViewBuffer(int capacity, MeterRegistry registry) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.recorded = Counter.builder(EVENTS_METRIC).tag("outcome", "recorded")
                .description("Page views written to the analytics tables").register(registry);
        this.dropped = Counter.builder(EVENTS_METRIC).tag("outcome", "dropped")
                .description("Page views dropped because the analytics buffer was full").register(registry);
        Gauge.builder("atrium.analytics.buffered", queue, BlockingQueue::size)
                .description("Page views waiting to be written to the analytics tables").register(registry);
    }

    /** Hands a view over without waiting; false (and counted) when the buffer is full. */
    boolean offer(PageView view) {
        if (queue.offer(view)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Up to {@code max} views, oldest first; empty when nothing waits. */
    List<PageView> take(int max) {
        List<PageView> batch = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(batch, max);
        return batch;
    }

    void written(int count) {
        recorded.increment(count);
    }

    int size() {
        return queue.size();
    }
}
