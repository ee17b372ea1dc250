package dev.atrium.monitoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * Request rate and latency of the last minute, read off the meter registry's HTTP server timers: a sample
 * of their running totals every {@link #EVERY_SECONDS} s, and the difference between now and the oldest
 * sample still in the window. The registry keeps only totals; this keeps six numbers' worth of history.
 */
@Singleton
class RequestRate {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final int EVERY_SECONDS = 10;
    static final int WINDOW_SECONDS = 60;

    /** What the System page shows; {@code windowSeconds} is 0 until a first sample exists. */
    public record Snapshot(long total, double perSecond, double meanMillis, double maxMillis, long windowSeconds) {
        public String rate() {
            return String.format(java.util.Locale.ROOT, "%.1f", perSecond);
        }

        public String mean() {
            return String.format(java.util.Locale.ROOT, "%.1f", meanMillis);
        }

        public String slowest() {
            return String.format(java.util.Locale.ROOT, "%.1f", maxMillis);
        }
    }

    private record Sample(long nanos, long count, double totalMillis) {
    }

    private final MeterRegistry registry;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RequestRate(MeterRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(every = EVERY_SECONDS + "s")
    synchronized void sample() {
        Sample now = current();
        samples.addLast(now);
        while (samples.size() > 1 && now.nanos() - samples.peekFirst().nanos() > TimeUnit.SECONDS.toNanos(WINDOW_SECONDS)) {
            samples.removeFirst();
        }
    }

    public synchronized Snapshot snapshot() {
        Sample now = current();
        double max = registry.find(HTTP_SERVER_REQUESTS).timers().stream()
                .mapToDouble(t -> t.max(TimeUnit.MILLISECONDS)).max().orElse(0);
        Sample first = samples.peekFirst();
        if (first == null || now.nanos() <= first.nanos()) {
            return new Snapshot(now.count(), 0, 0, max, 0);
        }
        long requests = now.count() - first.count();
        double seconds = (now.nanos() - first.nanos()) / 1e9;
        double mean = requests == 0 ? 0 : (now.totalMillis() - first.totalMillis()) / requests;
        return new Snapshot(now.count(), requests / seconds, mean, max, Math.round(seconds));
    }

    private Sample current() {
        long count = 0;
        double total = 0;
        for (Timer timer : registry.find(HTTP_SERVER_REQUESTS).timers()) {
            count += timer.count();
            total += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        return new Sample(System.nanoTime(), count, total);
    }
}
