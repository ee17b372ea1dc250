package dev.atrium.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The dashboard's bar chart as plain SVG geometry: one bar per day for page views with the day's visitors
 * drawn inside it, on a vertical scale with round ticks and a row of dates under the bars. Computed here so
 * the page needs no script and no inline style (the CSP allows neither). The page also shows the same
 * numbers as a table, for readers who cannot see the chart.
 * <p>
 * {@code @TemplateData}: the template reads these records' components through value resolvers generated at
 * build time; without them the native executable, which has no reflection for them, failed the page with a 500.
 */
@TemplateData
record DailyChart(int width, int height, int left, int right, int top, int bottom, List<Bar> bars,
        List<Tick> ticks, List<DateLabel> dates) {

    /** A day's bars; {@code centre} is where its date would stand. */
    @TemplateData
    public record Bar(LocalDate day, long views, long visitors, int x, int width, int viewsY, int viewsHeight,
            int visitorsY, int visitorsHeight) {
    }

    /** A value on the vertical scale: its gridline's height and where its number stands. */
    @TemplateData
    public record Tick(long value, int y, int labelX) {
    }

    /** A date under the bars, as month-day (the range's years are in the form above the chart). */
    @TemplateData
    public record DateLabel(String text, int x) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 230;
    /** Room for the scale's numbers on the left and the dates below. */
    static final int LEFT = 48;
    static final int RIGHT = WIDTH - 8;
    static final int TOP = 8;
    static final int BOTTOM = HEIGHT - 24;
    /** At most this many dates under the bars, so they never run into each other. */
    static final int MAX_DATES = 8;
    private static final int TICKS = 4;

    static DailyChart of(List<AnalyticsReport.Day> days) {
        long max = days.stream().mapToLong(AnalyticsReport.Day::views).max().orElse(0);
        long step = niceStep(max);
        long scaleTop = step * TICKS;
        int plotWidth = RIGHT - LEFT;
        int slot = Math.max(1, plotWidth / Math.max(1, days.size()));
        int barWidth = Math.max(1, slot - Math.max(1, slot / 5));
        int every = Math.max(1, (days.size() + MAX_DATES - 1) / MAX_DATES);
        List<Bar> bars = new ArrayList<>(days.size());
        List<DateLabel> dates = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            AnalyticsReport.Day day = days.get(i);
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            int views = scaled(day.views(), scaleTop);
            int visitors = scaled(day.visitors(), scaleTop);
            bars.add(new Bar(day.day(), day.views(), day.visitors(), x, barWidth, BOTTOM - views, views,
                    BOTTOM - visitors, visitors));
            if (i % every == 0) {
                dates.add(new DateLabel(String.format("%02d-%02d", day.day().getMonthValue(), day.day().getDayOfMonth()),
                        x + barWidth / 2));
            }
        }
        List<Tick> ticks = new ArrayList<>(TICKS + 1);
        for (int i = 0; i <= TICKS; i++) {
            ticks.add(new Tick(step * i, BOTTOM - scaled(step * i, scaleTop), LEFT - 6));
        }
        return new DailyChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, bars, ticks, dates);
    }

    /**
     * The distance between ticks: 1, 2 or 5 times a power of ten, the smallest that puts {@code max} under
     * the top tick. Whole numbers only: views are counted.
     */
    static long niceStep(long max) {
        long raw = Math.max(1, (max + TICKS - 1) / TICKS);
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (long factor : new long[] { 1, 2, 5, 10 }) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int scaled(long value, long scaleTop) {
        return (int) Math.round((double) value * (BOTTOM - TOP) / scaleTop);
    }
}
