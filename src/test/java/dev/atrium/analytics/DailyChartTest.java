package dev.atrium.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chart's geometry: a round scale above the highest bar, dates that never crowd, bars inside the axes. */
class DailyChartTest {

    @Test
    void theScaleHasRoundTicksFromZeroToAboveTheHighestDay() {
        DailyChart chart = DailyChart.of(days(30, 137));
        assertThat(chart.ticks()).extracting(DailyChart.Tick::value).containsExactly(0L, 50L, 100L, 150L, 200L);
        assertThat(chart.ticks().get(0).y()).isEqualTo(DailyChart.BOTTOM);
        assertThat(chart.ticks().get(4).y()).isEqualTo(DailyChart.TOP);
        assertThat(chart.ticks()).allSatisfy(tick -> assertThat(tick.labelX()).isLessThan(DailyChart.LEFT));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(DailyChart.niceStep(0)).isEqualTo(1);
        assertThat(DailyChart.niceStep(3)).isEqualTo(1);
        assertThat(DailyChart.niceStep(7)).isEqualTo(2);
        assertThat(DailyChart.niceStep(17)).isEqualTo(5);
        assertThat(DailyChart.niceStep(40)).isEqualTo(10);
        assertThat(DailyChart.niceStep(41)).isEqualTo(20);
        assertThat(DailyChart.niceStep(9_999_999)).isEqualTo(5_000_000);
    }

    @Test
    void barsStandOnTheAxisInsideThePlotAndTheHighestIsUnderTheTopTick() {
        DailyChart chart = DailyChart.of(days(366, 5000));
        assertThat(chart.bars()).hasSize(366).allSatisfy(bar -> {
            assertThat(bar.x()).isGreaterThanOrEqualTo(DailyChart.LEFT);
            assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(DailyChart.RIGHT);
            assertThat(bar.viewsY() + bar.viewsHeight()).isEqualTo(DailyChart.BOTTOM);
            assertThat(bar.viewsY()).isGreaterThanOrEqualTo(DailyChart.TOP);
            assertThat(bar.visitorsHeight()).isLessThanOrEqualTo(bar.viewsHeight());
        });
    }

    @Test
    void datesAreLabelledWithoutCrowdingFirstDayFirst() {
        assertThat(DailyChart.of(days(7, 3)).dates()).extracting(DailyChart.DateLabel::text)
                .containsExactly("11-01", "11-02", "11-03", "11-04", "11-05", "11-06", "11-07");
        List<DailyChart.DateLabel> month = DailyChart.of(days(30, 3)).dates();
        assertThat(month).hasSizeLessThanOrEqualTo(DailyChart.MAX_DATES).first().extracting(DailyChart.DateLabel::text)
                .isEqualTo("11-01");
        assertThat(DailyChart.of(days(366, 3)).dates()).hasSizeLessThanOrEqualTo(DailyChart.MAX_DATES);
    }

    @Test
    void anEmptyRangeStillHasItsAxesAndScale() {
        DailyChart chart = DailyChart.of(days(30, 0));
        assertThat(chart.ticks()).extracting(DailyChart.Tick::value).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.viewsHeight()).isZero());
    }

    /** {@code count} days from 1 November 2026, the last with {@code peak} views, the others fewer. */
    private static List<AnalyticsReport.Day> days(int count, long peak) {
        List<AnalyticsReport.Day> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long views = i == count - 1 ? peak : peak * i / count;
            days.add(new AnalyticsReport.Day(LocalDate.of(2026, 11, 1).plusDays(i), views, views / 2));
        }
        return days;
    }
}
