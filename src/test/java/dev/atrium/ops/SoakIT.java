package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;
import dev.atrium.testing.Slow;

/**
 * A fixed-length soak of the packaged application: a steady mix of pages, API calls, misses and probes
 * from several clients, with zero errors allowed, and resident memory sampled throughout, which must level
 * off (a leak shows as memory that keeps climbing after warm-up). The length is
 * {@code -Datrium.soak.duration} (ISO-8601, default PT60S); the figures go to target/soak-results.md.
 */
@Slow
class SoakIT {

    /** Route and the only status it may answer; the probe's on the management interface, as an orchestrator's is. */
    private static final Map<String, Integer> ROUTES = Map.of(
            "/", 200,
            "/about", 200,
            "/hello_world", 200,
            "/api/v1/posts", 200,
            "/users/nobody-soaking", 404,
            "/login", 200,
            "/q/health/ready", 200);
    private static final int CLIENTS = 6;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(3);

    @Test
    void aSteadyLoadRunsWithoutErrorsAndMemoryLevelsOff() throws Exception {
        Duration length = Duration.parse(System.getProperty("atrium.soak.duration", "PT60S"));
        // a bounded heap, as a container gives it: growth then has to come from somewhere else to show
        try (PackagedApp app = PackagedApp.start(Map.of("JAVA_TOOL_OPTIONS", "-Xmx128m -XX:+UseSerialGC"))) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<String> paths = List.copyOf(ROUTES.keySet());
            AtomicLong requests = new AtomicLong();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long end = System.nanoTime() + length.toNanos();

            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                pool.submit(() -> {
                    for (long i = offset; System.nanoTime() < end; i++) {
                        String path = paths.get((int) (i % paths.size()));
                        int port = path.startsWith("/q/") ? app.managementPort() : app.port();
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(10)).build();
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status != ROUTES.get(path)) {
                                errors.add(path + " answered " + status);
                            }
                        } catch (IOException e) {
                            errors.add(path + " failed: " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        requests.incrementAndGet();
                    }
                });
            }

            List<long[]> samples = new ArrayList<>(); // seconds since start, resident kB
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                samples.add(new long[] { (System.nanoTime() - start) / 1_000_000_000L, residentKb(app.process().pid()) });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<Long> settled = samples.stream().filter(s -> s[0] >= WARM_UP.toSeconds()).map(s -> s[1]).toList();
            List<Long> firstHalf = settled.subList(0, settled.size() / 2);
            List<Long> secondHalf = settled.subList(settled.size() / 2, settled.size());
            long firstMax = firstHalf.stream().mapToLong(Long::longValue).max().orElse(0);
            long secondMax = secondHalf.stream().mapToLong(Long::longValue).max().orElse(0);
            report(length, requests.get(), errors.size(), samples, firstMax, secondMax);

            assertThat(errors.stream().limit(10).toList()).as("errors during the soak (first ones)").isEmpty();
            assertThat(requests.get()).as("requests served").isGreaterThan(length.toSeconds() * 10);
            assertThat(settled).as("memory samples after warm-up").hasSizeGreaterThanOrEqualTo(4);
            assertThat(secondMax).as("resident memory levels off: the second half's peak against the first's (kB)")
                    .isLessThanOrEqualTo(firstMax + firstMax / 10);
            assertThat(app.managementStatus("/q/health/live")).isEqualTo(200);
        }
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static void report(Duration length, long requests, int errors, List<long[]> samples, long firstMax, long secondMax)
            throws IOException {
        StringBuilder out = new StringBuilder("# Soak run\n\n")
                .append("| length | clients | requests | req/s | errors | peak RSS after warm-up, first half | second half |\n")
                .append("|---|---|---|---|---|---|---|\n")
                .append(String.format("| %d s | %d | %d | %.0f | %d | %d MB | %d MB |%n%n", length.toSeconds(), CLIENTS, requests,
                        (double) requests / length.toSeconds(), errors, firstMax / 1024, secondMax / 1024))
                .append("| second | RSS MB |\n|---|---|\n");
        samples.forEach(s -> out.append("| ").append(s[0]).append(" | ").append(s[1] / 1024).append(" |\n"));
        Files.writeString(Path.of("target", "soak-results.md"), out);
        System.out.println(out);
    }
}
