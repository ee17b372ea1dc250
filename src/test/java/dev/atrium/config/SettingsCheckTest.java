package dev.atrium.config;

import static dev.atrium.testing.YamlNodes.at;
import static dev.atrium.testing.YamlNodes.loadAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;

/** What the packaged application refuses to start with, and that each refusal names its setting and what to do. */
class SettingsCheckTest {

    private static final String KEY = "k7Qx2v9LmP4rT8wZ1nB6cY3hJ5sD0fGa"; // 32 bytes, made up for this test
    private static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY)";
    private static final String BASE_URL = "atrium.site.base-url (ATRIUM_SITE_BASE_URL)";
    private static final String MAILER_HOST = "quarkus.mailer.host (QUARKUS_MAILER_HOST)";

    /** Production with everything an operator must set, set well. */
    private static SettingsCheck.Settings production() {
        return new SettingsCheck.Settings(true, Optional.of(KEY), Map.of(), Optional.of("https://atrium.example.org"), true, false);
    }

    private static SettingsCheck.Settings withKey(SettingsCheck.Settings s, String key) {
        return new SettingsCheck.Settings(s.production(), Optional.ofNullable(key), s.publishedKeys(), s.baseUrl(), s.mailerHostSet(),
                s.mailerMock());
    }

    private static SettingsCheck.Settings withBaseUrl(SettingsCheck.Settings s, String baseUrl) {
        return new SettingsCheck.Settings(s.production(), s.sessionKey(), s.publishedKeys(), Optional.ofNullable(baseUrl),
                s.mailerHostSet(), s.mailerMock());
    }

    private static SettingsCheck.Settings withMail(SettingsCheck.Settings s, boolean hostSet, boolean mock) {
        return new SettingsCheck.Settings(s.production(), s.sessionKey(), s.publishedKeys(), s.baseUrl(), hostSet, mock);
    }

    @Test
    void productionStartsWithEverySettingSetWell() {
        assertThat(SettingsCheck.problems(production())).isEmpty();
        assertThat(SettingsCheck.problems(withMail(production(), false, true))).as("the mock mailer, chosen").isEmpty();
    }

    @Test
    void aMissingSessionKeyIsRefusedEverywhere() {
        for (boolean production : new boolean[] { true, false }) {
            SettingsCheck.Settings settings = new SettingsCheck.Settings(production, Optional.empty(), Map.of(),
                    Optional.of("https://atrium.example.org"), true, false);
            assertThat(SettingsCheck.problems(settings)).singleElement().asString()
                    .startsWith(SESSION_KEY + " is not set: set it to the same random value of at least 32 bytes on every replica")
                    .contains("openssl rand -base64 48");
        }
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedCountingBytesNotCharacters() {
        assertThat(SettingsCheck.problems(withKey(production(), KEY.substring(1)))).singleElement().asString()
                .startsWith(SESSION_KEY + " is too short (31 bytes): set it to");
        // eleven Chinese characters are 33 bytes in UTF-8: long enough
        assertThat(SettingsCheck.problems(withKey(production(), "钥匙钥匙钥匙钥匙钥匙钥"))).isEmpty();
        assertThat(SettingsCheck.problems(withKey(production(), "钥匙钥匙钥匙钥匙钥匙"))).singleElement().asString()
                .contains("is too short (30 bytes)");
    }

    /** The dev and test profiles' keys, read where they are written: application.yaml. */
    @Test
    void theDevAndTestKeysAreRefusedInProductionOnly() throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new YamlConfigSource(Path.of("src/main/resources/application.yaml").toUri().toURL()))
                .withProfile("prod").build();
        SettingsCheck.Settings read = SettingsCheck.Settings.read(config, true);
        assertThat(read.publishedKeys()).hasSize(2);
        for (String profile : new String[] { "dev", "test" }) {
            String key = config.getValue("%" + profile + ".quarkus.http.auth.session.encryption-key", String.class);
            SettingsCheck.Settings settings = new SettingsCheck.Settings(true, Optional.of(key), read.publishedKeys(),
                    Optional.of("https://atrium.example.org"), true, false);
            assertThat(SettingsCheck.problems(settings)).singleElement().asString()
                    .startsWith(SESSION_KEY + " is the " + profile + " profile's key, published in application.yaml, which anyone can read:"
                            + " set it to the same random value");
            SettingsCheck.Settings notProduction = new SettingsCheck.Settings(false, Optional.of(key), read.publishedKeys(),
                    Optional.empty(), false, false);
            assertThat(SettingsCheck.problems(notProduction)).as(profile + " outside production").isEmpty();
        }
    }

    /** An unedited copy of the example Secret does not start: its key is refused, whatever its length. */
    @Test
    void thePlaceholderOfTheExampleSecretIsRefused() throws Exception {
        Map<String, Object> secret = loadAll(Path.of("deploy/kubernetes/secret.example.yaml")).get(0);
        String placeholder = (String) at(secret, "stringData", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThat(placeholder.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("refused as the placeholder, not for its length")
                .isGreaterThanOrEqualTo(32);
        assertThat(SettingsCheck.problems(withKey(production(), placeholder))).singleElement().asString()
                .startsWith(SESSION_KEY + " is the placeholder of deploy/kubernetes/secret.example.yaml, which anyone can read:"
                        + " put in your copy the same random value");
        assertThat(SettingsCheck.problems(withKey(production(), "replace-with-something-random-and-long-enough")))
                .as("any placeholder of the kind, any case").hasSize(1);
    }

    @Test
    void productionNeedsTheSitesAddress() {
        assertThat(SettingsCheck.problems(withBaseUrl(production(), null))).singleElement().asString()
                .isEqualTo(BASE_URL + " is not set: set it to the address users reach the site at (for example"
                        + " https://atrium.example.org), which the links in account emails are made from.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "https://LOCALHOST", "http://atrium.localhost", "http://127.0.0.1:8080",
            "http://127.1.2.3", "http://0.0.0.0:8080", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]", "http://[::]" })
    void productionRefusesAnAddressOnlyThisMachineReaches(String url) {
        assertThat(SettingsCheck.problems(withBaseUrl(production(), url))).singleElement().asString()
                .startsWith(BASE_URL + " is " + url + ", which only this machine reaches: set it to the address users reach");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://atrium.example.org", "http://10.1.2.3:8080", "http://localhost.example.org", "http://[2001:db8::1]" })
    void otherAddressesAreTheOperatorsChoice(String url) {
        assertThat(SettingsCheck.problems(withBaseUrl(production(), url))).isEmpty();
    }

    @Test
    void productionNeedsAnSmtpHostOrTheMockMailerChosen() {
        assertThat(SettingsCheck.problems(withMail(production(), false, false))).singleElement().asString()
                .startsWith(MAILER_HOST + " is not set, so account emails would go to localhost and be lost: set it to your SMTP server")
                .endsWith("or set quarkus.mailer.mock (QUARKUS_MAILER_MOCK) to true to send no mail at all.");
    }

    @Test
    void outsideProductionOnlyTheKeyIsChecked() {
        SettingsCheck.Settings dev = new SettingsCheck.Settings(false, Optional.of(KEY), Map.of(), Optional.empty(), false, false);
        assertThat(SettingsCheck.problems(dev)).isEmpty();
    }

    /** A value URI cannot parse is SettingBounds's to tell, in the same message: this check must not throw on it. */
    @ParameterizedTest
    @ValueSource(strings = { "https://atrium.example.org/my site", "https://[::1", "http://%zz" })
    void aMalformedAddressIsLeftToTheBounds(String url) {
        assertThat(SettingsCheck.problems(withBaseUrl(production(), url))).isEmpty();
    }

    @Test
    void everyProblemIsToldAtOnce() {
        SettingsCheck.Settings bare = new SettingsCheck.Settings(true, Optional.empty(), Map.of(), Optional.empty(), false, false);
        assertThatThrownBy(() -> SettingsCheck.refuseIf(SettingsCheck.problems(bare))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Atrium refuses to start with these settings:")
                .hasMessageContaining(SESSION_KEY + " is not set").hasMessageContaining(BASE_URL + " is not set")
                .hasMessageContaining(MAILER_HOST + " is not set");
    }

    /** Quarkus's own default host (localhost) is no choice of the operator's; a host they set is, localhost too. */
    @Test
    void anSmtpHostCountsAsSetOnlyWhenSomeoneSetIt() {
        SmallRyeConfigBuilder defaults = new SmallRyeConfigBuilder().withDefaultValue("quarkus.mailer.host", "localhost");
        assertThat(SettingsCheck.Settings.read(defaults.build(), true).mailerHostSet()).isFalse();
        SmallRyeConfig set = new SmallRyeConfigBuilder().withDefaultValue("quarkus.mailer.host", "localhost")
                .withSources(new PropertiesConfigSource(Map.of("quarkus.mailer.host", "localhost"), "operator", 300)).build();
        assertThat(SettingsCheck.Settings.read(set, true).mailerHostSet()).isTrue();
    }
}
