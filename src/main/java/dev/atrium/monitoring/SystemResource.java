package dev.atrium.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atrium.mail.MailOutbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.health.SmallRyeHealthReporter;

/** The administrators' System page: what is running, for how long, how healthy, how busy, and how account mail goes. */
@jakarta.ws.rs.Path("/admin/system")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("administer")
class SystemResource {

    public record Check(String name, String status) {
    }

    public record Memory(long heapUsedMb, long heapMaxMb, String residentMb) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance system(String version, String profile, String uptime, String overall,
                List<Check> checks, Memory memory, RequestRate.Snapshot requests, MailOutbox.Report mail, String oldestWait);
    }

    private static final int FAILED_MAILS_LISTED = 20;
    private static volatile Instant startedAt = Instant.now();

    private final String version;
    private final SmallRyeHealthReporter health;
    private final RequestRate requestRate;
    private final MailOutbox mailOutbox;

    SystemResource(@ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version,
            SmallRyeHealthReporter health, RequestRate requestRate, MailOutbox mailOutbox) {
        this.version = version;
        this.health = health;
        this.requestRate = requestRate;
        this.mailOutbox = mailOutbox;
    }

    static void onStart(@Observes StartupEvent event) {
        startedAt = Instant.now();
    }

    @GET
    public TemplateInstance system() {
        JsonObject report = health.getHealth().getPayload();
        List<Check> checks = new ArrayList<>();
        for (JsonValue check : report.getJsonArray("checks")) {
            JsonObject c = check.asJsonObject();
            checks.add(new Check(c.getString("name"), c.getString("status")));
        }
        Runtime runtime = Runtime.getRuntime();
        Memory memory = new Memory((runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20,
                residentMegabytes());
        MailOutbox.Report mail = mailOutbox.report(FAILED_MAILS_LISTED);
        String oldestWait = mail.oldestPending().map(queued -> human(Duration.between(queued, Instant.now()))).orElse("");
        return Templates.system(version, String.join(",", ConfigUtils.getProfiles()),
                human(Duration.between(startedAt, Instant.now())), report.getString("status"), checks, memory,
                requestRate.snapshot(), mail, oldestWait);
    }

    static String human(Duration uptime) {
        long days = uptime.toDays();
        return (days > 0 ? days + "d " : "") + String.format(Locale.ROOT, "%02d:%02d:%02d",
                uptime.toHoursPart(), uptime.toMinutesPart(), uptime.toSecondsPart());
    }

    /** The process's resident set from /proc (Linux); "?" elsewhere. */
    private static String residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the page says it does not know
        }
        return "?";
    }
}
