package dev.atrium.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.atrium.web.ProblemException;

/** The preview's allowance per account and minute, on a clock the test moves. */
class MarkdownPreviewTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:10Z");

    private static final class MovableClock extends Clock {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final MarkdownPreview preview = new MarkdownPreview(new MarkdownRenderer(), clock);

    @Test
    void anAccountGetsItsPreviewsAMinuteThenA429UntilTheNextMinute() {
        for (int i = 0; i < MarkdownPreview.PER_MINUTE; i++) {
            assertThat(preview.render(1, "**" + i + "**")).contains("<strong>" + i + "</strong>");
        }
        assertThatThrownBy(() -> preview.render(1, "one more"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(429);
                    assertThat(e.getResponse().getHeaderString("Retry-After")).isEqualTo("50");
                });
        assertThat(preview.render(2, "another account")).contains("another account");

        clock.now = clock.now.plus(Duration.ofSeconds(50));
        assertThat(preview.render(1, "next minute")).contains("next minute");
    }

    @Test
    void tooMuchTextOrNoneIsABadRequest() {
        assertThatThrownBy(() -> preview.render(1, "x".repeat(Post.BODY_MAX + 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
        assertThatThrownBy(() -> preview.render(1, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
    }
}
