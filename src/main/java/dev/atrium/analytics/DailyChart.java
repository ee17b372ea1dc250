package dev.atrium.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's bar chart as plain SVG geometry: one bar per day for page views with the day's visitors
 * drawn inside it. Computed here so the page needs no script and no inline style (the CSP allows neither).
 */
public record DailyChart(int width, int height, List<Bar> bars, long max) {

    public record Bar(int x, int width, int viewsY, int viewsHeight, int visitorsY, int visitorsHeight, String label) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 200;

    static DailyChart of(List<AnalyticsReport.Day> days) {
        long max = days.stream().mapToLong(AnalyticsReport.Day::views).max().orElse(0);
        int slot = Math.max(1, WIDTH / Math.max(1, days.size()));
        int barWidth = Math.max(1, slot - Math.max(1, slot / 5));
        List<Bar> bars = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            AnalyticsReport.Day day = days.get(i);
            int views = scaled(day.views(), max);
            int visitors = scaled(day.visitors(), max);
            bars.add(new Bar(i * slot, barWidth, HEIGHT - views, views, HEIGHT - visitors, visitors,
                    day.day() + ": " + day.views() + " / " + day.visitors()));
        }
        return new DailyChart(WIDTH, HEIGHT, bars, max);
    }

    private static int scaled(long value, long max) {
        return max == 0 ? 0 : (int) Math.round((double) value * HEIGHT / max);
    }
}
