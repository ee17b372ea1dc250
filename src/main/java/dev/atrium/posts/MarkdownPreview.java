package dev.atrium.posts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.atrium.web.ProblemException;

/**
 * The editor's live preview: Markdown rendered exactly as a post would be, for writers only. Rendering
 * costs CPU (pathological Markdown of a post's full length takes a good part of a second), so each
 * account gets {@value #PER_MINUTE} previews a minute on each replica; the editor asks at most once per
 * pause in typing, well within that. The limit is per replica on purpose: it guards that replica's CPU.
 */
@Singleton
public class MarkdownPreview {

    static final int PER_MINUTE = 120;
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    /** Accounts remembered before the windows of past minutes are swept out. */
    private static final int SWEEP_AT = 10_000;

    private record Window(long minute, int count) {
    }

    private final MarkdownRenderer renderer;
    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    @Inject
    MarkdownPreview(MarkdownRenderer renderer) {
        this(renderer, Clock.systemUTC());
    }

    MarkdownPreview(MarkdownRenderer renderer, Clock clock) {
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Sanitised HTML of {@code markdown}, counted against the account's previews for this minute. */
    public String render(long accountId, String markdown) {
        if (markdown == null || markdown.length() > Post.BODY_MAX) {
            throw new ProblemException(400, "Send {\"markdown\": \"...\"} of at most " + Post.BODY_MAX + " characters.");
        }
        long now = clock.millis();
        long minute = now / MINUTE_MILLIS;
        if (windows.size() > SWEEP_AT) {
            windows.values().removeIf(window -> window.minute() != minute);
        }
        Window window = windows.compute(accountId,
                (id, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (window.count() > PER_MINUTE) {
            throw ProblemException.tooManyRequests("Too many previews; the preview resumes within a minute.",
                    Duration.ofMillis((minute + 1) * MINUTE_MILLIS - now));
        }
        return renderer.toSafeHtml(markdown);
    }
}
