package dev.atrium.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.analytics.PageViewWriter;
import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Prometheus metrics at /q/metrics on the management interface, the application's own among them, and the
 * administrators' System page.
 */
@QuarkusTest
class MonitoringTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    PageViewWriter writer;
    @Inject
    RequestRate requestRate;

    private static String metrics() {
        return given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
    }

    /** The value of one Prometheus sample, 0 when it is not there yet. */
    private static double sample(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void exposesHttpJvmPoolAndApplicationMetrics() throws Exception {
        String before = metrics();
        double registrations = sample(before, "atrium_registrations_total");
        double failedLogins = sample(before, "atrium_logins_failed_total");
        double posts = sample(before, "atrium_posts_written_total");

        BrowserSession author = fixtures.signedIn(Role.USER, true);
        author.submit("/posts/new", "/posts", Map.of("title", "Measured", "body", "Counted once.")).then().statusCode(303);
        new BrowserSession().submit("/login", "/login", Map.of("login", "nobody-" + System.nanoTime(), "password", "wrong password"))
                .then().statusCode(400);
        given().accept("text/html").header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .get("/about").then().statusCode(200);
        writer.flush();

        String after = metrics();
        assertThat(sample(after, "atrium_registrations_total")).isEqualTo(registrations + 1);
        assertThat(sample(after, "atrium_logins_failed_total")).isEqualTo(failedLogins + 1);
        assertThat(sample(after, "atrium_posts_written_total")).isEqualTo(posts + 1);
        assertThat(sample(after, "atrium_analytics_events_total{outcome=\"recorded\"}")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("atrium_analytics_events_total{outcome=\"dropped\"}")
                .contains("atrium_analytics_buffered")
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/about\"")
                .contains("jvm_memory_used_bytes")
                .contains("agroal_active_count");
    }

    /**
     * What {@code promtool check metrics} asks of Atrium's own metrics: every family says what it counts in its
     * {@code # HELP} line (Micrometer writes the meter's description there), and no sample is without a family.
     */
    @Test
    void everyAtriumMetricFamilyHasHelpText() {
        // meters made on first use: a refused login
        new BrowserSession().submit("/login", "/login", Map.of("login", "nobody-" + System.nanoTime(), "password", "wrong password"))
                .then().statusCode(400);
        Map<String, String> help = new TreeMap<>();
        Set<String> families = new TreeSet<>();
        Set<String> samples = new TreeSet<>();
        for (String line : metrics().split("\n")) {
            if (line.startsWith("# HELP atrium_")) {
                String[] parts = line.split(" ", 4);
                help.put(parts[2], parts.length > 3 ? parts[3].strip() : "");
            } else if (line.startsWith("# TYPE atrium_")) {
                families.add(line.split(" ")[2]);
            } else if (line.startsWith("atrium_")) {
                samples.add(line.split("[{ ]", 2)[0]);
            }
        }
        // those there whatever ran before (a meter of a bean not made yet, such as the posts', is not listed)
        assertThat(families).anyMatch(f -> f.startsWith("atrium_logins_failed")).anyMatch(f -> f.startsWith("atrium_registrations"))
                .anyMatch(f -> f.startsWith("atrium_analytics_events")).anyMatch(f -> f.startsWith("atrium_analytics_buffered"));
        assertThat(families).allSatisfy(family -> assertThat(help.get(family)).as("# HELP of %s", family).isNotBlank());
        assertThat(samples).allSatisfy(sample -> assertThat(families).as("the family of %s", sample).anyMatch(sample::startsWith));
    }

    @Test
    void theSystemPageShowsWhatIsRunningAndHowItIsDoing() {
        requestRate.sample();
        given().get("/about").then().statusCode(200);
        given().get("/about").then().statusCode(200);
        BrowserSession admin = fixtures.signedIn(Role.ADMINISTRATOR, true);
        requestRate.sample();
        String page = admin.get("/admin/system").then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("<dd id=\"profile\">(test|pg,test|test,pg)</dd>")
                .containsPattern("<dd id=\"uptime\">(\\d+d )?\\d\\d:\\d\\d:\\d\\d</dd>")
                .containsPattern("\\d+ MB of \\d+ MB heap used; (\\d+|\\?) MB resident")
                .containsPattern("\\d+ requests since start")
                .contains("<span id=\"health-status\">UP</span>")
                .contains("application-started").contains("Graceful Shutdown").contains("event-loops")
                .containsPattern("requests/s, mean [0-9.]+ ms");
        RequestRate.Snapshot snapshot = requestRate.snapshot();
        assertThat(snapshot.total()).isGreaterThan(2);
        assertThat(snapshot.perSecond()).isPositive();
    }
}
