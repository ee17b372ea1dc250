package dev.atrium.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.atrium.web.EmailAddress;
import io.smallrye.config.SmallRyeConfig;

/**
 * What each of Atrium's own settings ({@code atrium.*}, in {@link AtriumConfig} and {@code mail/MailConfig})
 * must be: a number's range, a duration's least, a text's form. {@link SettingsCheck} checks them at start
 * with its other refusals, so a bad value stops start-up with one message naming the setting, the value and
 * what it must be. A value of the wrong type ({@code forever} for a duration) never gets here: SmallRye Config
 * refuses it, naming the setting, while it builds the mappings.
 * <p>
 * Why a table here and not Bean Validation annotations on the mappings: once any {@code @ConfigMapping} carries
 * a constraint, Quarkus hands every config mapping of the application (174, its extensions' own included) to a
 * Hibernate Validator factory that reads all of them by reflection at start. On the JVM that was about 0.3 s of
 * the 1.7 s to the first 200 (bench/results/jvm-startup.md). {@code SettingBoundsTest} keeps every duration and
 * whole number among the settings bounded here, and every key here a setting.
 */
final class SettingBounds {

    /** One setting's rule: its key, how a value breaks it, and the rule in words. */
    record Bound(String key, WrongValue test, String rule) {

        /** What is wrong with the setting's value, if it is set and wrong. */
        Optional<String> problem(SmallRyeConfig config) {
            // told as the operator wrote it (PT0S, not Duration's own spelling)
            return test.of(config, key).map(wrong -> SettingsCheck.setting(key) + " is '" + config.getConfigValue(key).getValue()
                    + "': it must be " + rule + ".");
        }
    }

    /** The setting's value, converted to its type, if it is set and breaks the rule. */
    @FunctionalInterface
    interface WrongValue {
        Optional<?> of(SmallRyeConfig config, String key);
    }

    static final List<Bound> ALL = List.of(
            text("atrium.site.name", 60),
            matching("atrium.site.base-url", "https?://[^/\\s]+", "http:// or https:// and a host, without a path"),
            matching("atrium.web.language-cookie", "[A-Za-z0-9_-]{1,64}", "a cookie name of 1 to 64 letters, digits, '-' or '_'"),
            atLeast("atrium.web.language-cookie-max-age", Duration.ofSeconds(1)),
            matching("atrium.web.asset-base-url", "https?://[^/\\s?#]+(/[^\\s?#]*[^/\\s?#])?",
                    "an absolute http:// or https:// URL without a trailing slash, query or fragment"),
            text("atrium.web.content-security-policy", Integer.MAX_VALUE),
            matching("atrium.auth.admin-email", "(?=.{1," + EmailAddress.MAX + "}$)" + EmailAddress.PATTERN, "an email address"),
            atLeast("atrium.auth.confirmation-ttl", Duration.ofMinutes(1)),
            atLeast("atrium.auth.email-change-ttl", Duration.ofMinutes(1)),
            atLeast("atrium.auth.reset-ttl", Duration.ofMinutes(1)),
            between("atrium.auth.bcrypt-cost", 10, 16), // OWASP's least; each step doubles every login's cost
            atLeast("atrium.auth.session-lifetime", Duration.ofMinutes(1)),
            atLeast("atrium.auth.login-attempts-per-account-and-address", 1),
            atLeast("atrium.auth.login-attempts-per-account", 1),
            atLeast("atrium.auth.login-attempts-per-address", 1),
            atLeast("atrium.auth.login-window", Duration.ofSeconds(1)),
            atLeast("atrium.auth.mails-per-recipient", 1),
            atLeast("atrium.auth.mails-per-address", 1),
            atLeast("atrium.auth.mail-window", Duration.ofSeconds(1)),
            atLeast("atrium.analytics.buffer-size", 1),
            atLeast("atrium.analytics.batch-size", 1),
            atLeast("atrium.analytics.flush-interval", Duration.ofMillis(10)),
            atLeast("atrium.analytics.raw-retention", Duration.ofDays(1)),
            atLeast("atrium.analytics.rollup-interval", Duration.ofSeconds(1)),
            atLeast("atrium.analytics.rollup-delay", Duration.ofSeconds(1)),
            atLeast("atrium.caches.held-pages-ttl", Duration.ofSeconds(1)),
            atLeast("atrium.health.event-loop-timeout", Duration.ofMillis(10)),
            atLeast("atrium.mail.poll-interval", Duration.ofSeconds(1)), // the scheduler's least
            between("atrium.mail.max-attempts", 1, 30),
            atLeast("atrium.mail.first-retry", Duration.ofMillis(100)),
            atLeast("atrium.mail.longest-retry", Duration.ofMillis(100)),
            atLeast("atrium.mail.send-timeout", Duration.ofSeconds(1)),
            between("atrium.mail.batch-size", 1, 500),
            atLeast("atrium.mail.retention", Duration.ofHours(1)));

    private SettingBounds() {
    }

    /** Every set value that is out of its bounds, each told as {@link SettingsCheck} tells a problem. */
    static List<String> problems(SmallRyeConfig config) {
        return ALL.stream().flatMap(bound -> bound.problem(config).stream()).toList();
    }

    static Bound between(String key, int least, int most) {
        String rule = most == Integer.MAX_VALUE ? "at least " + least : "from " + least + " to " + most;
        return new Bound(key, (config, k) -> config.getOptionalValue(k, Integer.class).filter(v -> v < least || v > most), rule);
    }

    static Bound atLeast(String key, int least) {
        return between(key, least, Integer.MAX_VALUE);
    }

    static Bound atLeast(String key, Duration least) {
        return new Bound(key, (config, k) -> config.getOptionalValue(k, Duration.class).filter(v -> v.compareTo(least) < 0),
                "at least " + least + " (ISO-8601)");
    }

    /** Not blank, and at most {@code most} characters. */
    static Bound text(String key, int most) {
        String rule = most == Integer.MAX_VALUE ? "some text, not blank" : "some text, not blank, of at most " + most + " characters";
        return new Bound(key, (config, k) -> config.getOptionalValue(k, String.class).filter(v -> v.isBlank() || v.length() > most), rule);
    }

    static Bound matching(String key, String regex, String what) {
        Pattern pattern = Pattern.compile(regex);
        return new Bound(key, (config, k) -> config.getOptionalValue(k, String.class).filter(v -> !pattern.matcher(v).matches()), what);
    }
}
