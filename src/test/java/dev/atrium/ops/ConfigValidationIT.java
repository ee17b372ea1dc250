package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
            "ATRIUM_WEB_ASSET_BASE_URL | //cdn.example.org | atrium.web.asset-base-url",
            "ATRIUM_AUTH_BCRYPT_COST | 9 | atrium.auth.bcrypt-cost (ATRIUM_AUTH_BCRYPT_COST) is '9': it must be from 10 to 16",
            "ATRIUM_MAIL_BATCH_SIZE | 0 | atrium.mail.batch-size (ATRIUM_MAIL_BATCH_SIZE) is '0': it must be from 1 to 500",
            // read while Quarkus sets up its HTTP filters, before StartupEvent: still the clear refusal
            "ATRIUM_ANALYTICS_BUFFER_SIZE | 0 | atrium.analytics.buffer-size (ATRIUM_ANALYTICS_BUFFER_SIZE) is '0': it must be at least 1" })
    void aBadValueStopsStartUpNamingTheSetting(String variable, String value, String setting) throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of(variable, value))) {
            Integer exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isNotNull().isNotZero();
            assertThat(app.output()).contains(setting);
        }
    }

    /**
     * What production refuses although it is well formed (config/SettingsCheck): the integration tests' own
     * settings (pom.xml) are valid, and each case spoils one. The message names the setting and what to do.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY | NULL | QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) is not set: set it to",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY | too-short-key | QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) is too short (13 bytes)",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY | dev-only-session-key-not-a-secret-0123456789 | is the dev profile's key",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY | test-only-session-key-not-a-secret-0123456789 | is the test profile's key",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY | REPLACE-WITH-THE-OUTPUT-OF-openssl-rand-base64-48 | is the placeholder of deploy/kubernetes/secret.example.yaml",
            "ATRIUM_SITE_BASE_URL | NULL | atrium.site.base-url (ATRIUM_SITE_BASE_URL) is not set: set it to the address users reach",
            "ATRIUM_SITE_BASE_URL | http://localhost:8080 | atrium.site.base-url (ATRIUM_SITE_BASE_URL) is http://localhost:8080, which only this machine reaches",
            "QUARKUS_MAILER_MOCK | NULL | quarkus.mailer.host (QUARKUS_MAILER_HOST) is not set, so account emails would go to localhost" })
    void productionRefusesToStartNamingTheSettingAndWhatToDo(String variable, String value, String complaint) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put(variable, value);
        try (PackagedApp app = PackagedApp.start(environment)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isNotNull().isNotZero();
            assertThat(app.output()).contains("Atrium refuses to start with these settings:").contains(complaint);
        }
    }

    /** An SMTP host the operator names is a choice, localhost too (a relay on the same machine): no mock needed. */
    @Test
    void anSmtpHostSetExplicitlyIsEnough() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_MAILER_MOCK", null);
        environment.put("QUARKUS_MAILER_HOST", "localhost");
        try (PackagedApp app = PackagedApp.start(environment)) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();
            assertThat(app.output()).doesNotContain("refuses to start");
        }
    }
}
