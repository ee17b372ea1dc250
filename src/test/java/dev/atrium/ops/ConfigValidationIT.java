package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.atrium.testing.PackagedApp;

/** A bad setting stops start-up, and the message names the setting. */
class ConfigValidationIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ATRIUM_HEALTH_EVENT_LOOP_TIMEOUT | PT0S | atrium.health.event-loop-timeout",
            "ATRIUM_WEB_LANGUAGE_COOKIE | bad cookie; name | atrium.web.language-cookie",
            "ATRIUM_WEB_LANGUAGE_COOKIE_MAX_AGE | forever | atrium.web.language-cookie-max-age",
            "ATRIUM_SITE_NAME | ' ' | atrium.site.name",
            "ATRIUM_WEB_ASSET_BASE_URL | https://cdn.example.org/ | atrium.web.asset-base-url",
            "ATRIUM_WEB_ASSET_BASE_URL | //cdn.example.org | atrium.web.asset-base-url" })
    void aBadValueStopsStartUpNamingTheSetting(String variable, String value, String setting) throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of(variable, value))) {
            Integer exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isNotNull().isNotZero();
            assertThat(app.output()).contains(setting);
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = { "NULL, is not set", "too-short-key, is too short" })
    void productionRefusesToStartWithoutASessionKey(String key, String complaint) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", key);
        try (PackagedApp app = PackagedApp.start(environment)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isNotNull().isNotZero();
            assertThat(app.output()).contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY " + complaint);
        }
    }
}
