package dev.atrium.analytics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;

/** The administrators' analytics dashboard: visitors and page views per day, and what was viewed from where. */
@Path("/admin/analytics")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed("administer")
class AnalyticsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final int TOP = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(LocalDate from, LocalDate to, List<AnalyticsReport.Day> days,
                DailyChart chart, long views, long visitors, Map<String, List<AnalyticsReport.Row>> top);
    }

    private final AnalyticsReport report;

    AnalyticsResource(AnalyticsReport report) {
        this.report = report;
    }

    private final Clock clock = Clock.systemUTC();

    @GET
    public TemplateInstance dashboard(@RestQuery String from, @RestQuery String to) throws SQLException {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new ProblemException(400, "The range must start before it ends.", Map.of("from", "must not be after to"));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ProblemException(400, "Choose a range of at most " + MAX_DAYS + " days.",
                    Map.of("from", "at most " + MAX_DAYS + " days before to"));
        }
        List<AnalyticsReport.Day> days = report.daily(first, last);
        Map<String, List<AnalyticsReport.Row>> top = new java.util.LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            top.put(dimension.key, report.top(dimension, first, last, TOP));
        }
        return Templates.dashboard(first, last, days, DailyChart.of(days),
                days.stream().mapToLong(AnalyticsReport.Day::views).sum(),
                days.stream().mapToLong(AnalyticsReport.Day::visitors).sum(), top);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "'" + name + "' must be a date such as 2026-11-25.",
                    Map.of(name, "must be a date such as 2026-11-25"));
        }
    }
}
