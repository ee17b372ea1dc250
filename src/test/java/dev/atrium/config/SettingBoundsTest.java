package dev.atrium.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithName;
import io.smallrye.config.source.yaml.YamlConfigSource;

/** What each of Atrium's settings must be, and that every duration and number among them has a bound. */
class SettingBoundsTest {

    /** The settings' mappings; the mail package's is package-private, so it is named. */
    private static final List<String> MAPPINGS = List.of(AtriumConfig.class.getName(), "dev.atrium.mail.MailConfig");

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100))
                // Quarkus's own, as the application converts durations (PT1S, and 1s too)
                .withConverter(Duration.class, 200, new DurationConverter()).build();
    }

    private static List<String> problems(String key, String value) {
        return SettingBounds.problems(config(Map.of(key, value)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "dev", "test", "prod" })
    void theShippedValuesAreInBoundsInEveryProfile(String profile) throws Exception {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new YamlConfigSource(Path.of("src/main/resources/application.yaml").toUri().toURL()))
                .withConverter(Duration.class, 200, new DurationConverter());
        if (!profile.isEmpty()) {
            builder.withProfile(profile);
        }
        SmallRyeConfig config = builder.build();
        assertThat(SettingBounds.problems(config)).isEmpty();
        // and the check read them: each bounded setting has a value there, optional ones aside
        Set<String> optional = Set.of("atrium.site.base-url", "atrium.web.asset-base-url", "atrium.auth.admin-email");
        assertThat(SettingBounds.ALL).filteredOn(bound -> !optional.contains(bound.key()))
                .allSatisfy(bound -> assertThat(config.getConfigValue(bound.key()).getValue()).as(bound.key()).isNotNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "atrium.auth.bcrypt-cost | 9 | from 10 to 16",
            "atrium.auth.bcrypt-cost | 17 | from 10 to 16",
            "atrium.mail.batch-size | 0 | from 1 to 500",
            "atrium.mail.batch-size | 501 | from 1 to 500",
            "atrium.analytics.buffer-size | 0 | at least 1",
            "atrium.analytics.buffer-size | -5 | at least 1",
            "atrium.auth.login-window | PT0.999S | at least PT1S",
            "atrium.health.event-loop-timeout | PT0S | at least PT0.01S",
            "atrium.health.event-loop-timeout | PT-1S | at least PT0.01S",
            "atrium.mail.retention | PT59M | at least PT1H",
            "atrium.analytics.raw-retention | PT23H | at least PT24H",
            "atrium.site.name | '   ' | not blank",
            "atrium.site.name | a site name of sixty-one characters, one more than a title holds | of at most 60 characters",
            "atrium.web.content-security-policy | ' ' | not blank",
            "atrium.web.language-cookie | bad cookie; name | a cookie name",
            "atrium.site.base-url | https://atrium.example.org/ | without a path",
            "atrium.site.base-url | atrium.example.org | http:// or https://",
            "atrium.web.asset-base-url | https://cdn.example.org/ | without a trailing slash",
            "atrium.web.asset-base-url | //cdn.example.org | an absolute http:// or https:// URL",
            "atrium.web.asset-base-url | https://cdn.example.org/a?v=1 | query",
            "atrium.auth.admin-email | admin | an email address",
            "atrium.auth.admin-email | admin@localhost | an email address" })
    void aValueOutOfBoundsIsToldWithItsSettingItsValueAndTheRule(String key, String value, String rule) {
        String variable = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        assertThat(problems(key, value)).singleElement().asString()
                .startsWith(key + " (" + variable + ") is '" + value + "': it must be ")
                .contains(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "atrium.auth.bcrypt-cost | 10",
            "atrium.auth.bcrypt-cost | 16",
            "atrium.mail.batch-size | 1",
            "atrium.mail.batch-size | 500",
            "atrium.auth.login-window | PT1S",
            "atrium.auth.login-window | 1s",
            "atrium.health.event-loop-timeout | 10ms",
            "atrium.analytics.raw-retention | P1D",
            "atrium.site.name | a site name of sixty characters, exactly what a title holds!",
            "atrium.web.language-cookie | atrium_lang-2",
            "atrium.site.base-url | http://127.0.0.1:8080",
            "atrium.web.asset-base-url | https://cdn.example.org/atrium",
            "atrium.auth.admin-email | admin@example.org" })
    void aValueAtItsBoundsIsAccepted(String key, String value) {
        assertThat(problems(key, value)).isEmpty();
    }

    @Test
    void everyValueOutOfBoundsIsToldAtOnce() {
        assertThat(SettingBounds.problems(config(Map.of("atrium.auth.bcrypt-cost", "4", "atrium.mail.max-attempts", "0",
                "atrium.web.language-cookie", "a=b")))).hasSize(3);
    }

    /** A setting added without a bound (a zero window, a negative size) would run and misbehave: each has one. */
    @Test
    void everyDurationAndNumberSettingHasABoundAndEveryBoundIsASetting() throws Exception {
        Set<String> bounded = SettingBounds.ALL.stream().map(SettingBounds.Bound::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> settings = new TreeSet<>();
        Set<String> needBounds = new TreeSet<>();
        for (String mapping : MAPPINGS) {
            Class<?> type = Class.forName(mapping);
            collect(type, type.getAnnotation(ConfigMapping.class).prefix(), settings, needBounds);
        }
        assertThat(settings).as("the mappings were read").contains("atrium.auth.bcrypt-cost", "atrium.mail.retention");
        assertThat(bounded).as("keys that name no setting").isSubsetOf(settings);
        assertThat(needBounds).as("durations and numbers without a bound in SettingBounds").isSubsetOf(bounded);
    }

    private static void collect(Class<?> type, String prefix, Set<String> settings, Set<String> needBounds) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic()) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("dev.atrium.")) { // a group of settings
                collect(returned, key, settings, needBounds);
                continue;
            }
            settings.add(key);
            if (returned == Duration.class || returned == int.class || returned == long.class) {
                needBounds.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
