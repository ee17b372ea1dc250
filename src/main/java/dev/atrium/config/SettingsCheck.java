package dev.atrium.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * The settings Atrium refuses to start with, each named with what to do, all in one message: those out of their
 * {@link SettingBounds}, and those that are well formed but would run and quietly do harm:
 * <ul>
 * <li>everywhere, a session key that is missing or shorter than {@value #MIN_KEY_BYTES} bytes (without one,
 * Quarkus would make up a key per process, and replicas would refuse each other's sessions and email links);</li>
 * <li>in the packaged application (launch mode NORMAL: production, whatever the profile), also a session key
 * anyone can read (the dev or test profile's, or the placeholder of
 * {@code deploy/kubernetes/secret.example.yaml}); a site address that is unset or local (every link in
 * account emails would point there); and no SMTP host without the mock mailer chosen explicitly (mail would
 * go to Quarkus's default, localhost, and be lost).</li>
 * </ul>
 * The check runs when this bean is made, before any other bean reads a setting: the beans that need the
 * session key or the site's address early (the session mechanism and cookies, signed links, the CSRF guard)
 * take them from here, and the observers below make the container create this bean first among those Quarkus
 * calls at start, the HTTP filters' registration ({@link Filters}, where the page-view buffer is sized) and
 * then {@link StartupEvent}, even when nobody asked for it yet.
 */
@Singleton
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);

    static final int MIN_KEY_BYTES = 32;
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final String BASE_URL = "atrium.site.base-url";
    static final String MAILER_HOST = "quarkus.mailer.host";
    static final String MAILER_MOCK = "quarkus.mailer.mock";
    /** How the placeholders of deploy/kubernetes/secret.example.yaml begin, so an unedited copy is refused. */
    static final String PLACEHOLDER_PREFIX = "REPLACE-WITH-";
    /** The source SmallRye Config answers from when nobody set a property: its extension's own default. */
    private static final String DEFAULTS_SOURCE = "DefaultValuesConfigSource";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String sessionKey;
    private final Optional<String> baseUrl;

    SettingsCheck(Config config) {
        SmallRyeConfig smallRye = config.unwrap(SmallRyeConfig.class);
        Settings settings = Settings.read(smallRye, LaunchMode.current() == LaunchMode.NORMAL);
        List<String> problems = new ArrayList<>(SettingBounds.problems(smallRye));
        problems.addAll(problems(settings));
        refuseIf(problems);
        if (settings.production() && settings.mailerMock()) {
            LOG.warnf("%s is true: account emails are not sent to anyone. Set %s instead to send them.",
                    MAILER_MOCK, MAILER_HOST);
        }
        this.sessionKey = settings.sessionKey().orElseThrow();
        this.baseUrl = settings.baseUrl();
    }

    /**
     * The first event Quarkus sends application beans at start: observing it first makes the container create
     * this bean, and so check, before the filters' beans, which read settings as they are made.
     */
    void beforeTheFilters(@Observes @Priority(1) Filters filters) {
        LOG.debug("Settings checked");
    }

    /** Start-up at the latest, should the HTTP layer ever not ask for filters. */
    void atStartup(@Observes @Priority(1) StartupEvent event) {
        // nothing to do: the bean checked as it was made
    }

    /** The session key: present, long enough and, in production, nobody else's. */
    public String sessionKey() {
        return sessionKey;
    }

    /** The site's address, when set (always, in production). */
    public Optional<String> baseUrl() {
        return baseUrl;
    }

    /** What the check reads, read once from the configuration. */
    record Settings(boolean production, Optional<String> sessionKey, Map<String, String> publishedKeys,
            Optional<String> baseUrl, boolean mailerHostSet, boolean mailerMock) {

        static Settings read(SmallRyeConfig config, boolean production) {
            // the keys the dev and test profiles use, as application.yaml has them (their one place)
            Map<String, String> published = new LinkedHashMap<>();
            for (String profile : List.of("dev", "test")) {
                config.getOptionalValue("%" + profile + "." + SESSION_KEY, String.class)
                        .ifPresent(key -> published.put(key, "the " + profile + " profile's key, published in application.yaml"));
            }
            ConfigValue host = config.getConfigValue(MAILER_HOST);
            boolean hostSet = host.getValue() != null && !host.getValue().isBlank()
                    && !DEFAULTS_SOURCE.equals(host.getSourceName());
            return new Settings(production, config.getOptionalValue(SESSION_KEY, String.class), published,
                    config.getOptionalValue(BASE_URL, String.class), hostSet,
                    config.getOptionalValue(MAILER_MOCK, Boolean.class).orElse(false));
        }
    }

    /** Nothing, or a start-up failure that lists every problem. */
    static void refuseIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(message(problems));
        }
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        sessionKeyProblem(settings).ifPresent(problems::add);
        if (settings.production()) {
            baseUrlProblem(settings.baseUrl()).ifPresent(problems::add);
            if (!settings.mailerHostSet() && !settings.mailerMock()) {
                problems.add(setting(MAILER_HOST) + " is not set, so account emails would go to localhost and be lost: set it"
                        + " to your SMTP server (with QUARKUS_MAILER_PORT, _USERNAME, _PASSWORD, _FROM and _TLS as it needs),"
                        + " or set " + setting(MAILER_MOCK) + " to true to send no mail at all.");
            }
        }
        return problems;
    }

    private static Optional<String> sessionKeyProblem(Settings settings) {
        String value = "the same random value of at least " + MIN_KEY_BYTES
                + " bytes on every replica (for example: openssl rand -base64 48).";
        if (settings.sessionKey().isEmpty()) {
            return Optional.of(setting(SESSION_KEY) + " is not set: set it to " + value);
        }
        String key = settings.sessionKey().get();
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_KEY_BYTES) {
            return Optional.of(setting(SESSION_KEY) + " is too short (" + bytes + " bytes): set it to " + value);
        }
        if (settings.production()) {
            if (key.toUpperCase(Locale.ROOT).startsWith(PLACEHOLDER_PREFIX)) {
                return Optional.of(setting(SESSION_KEY) + " is the placeholder of deploy/kubernetes/secret.example.yaml,"
                        + " which anyone can read: put in your copy " + value);
            }
            String published = settings.publishedKeys().get(key);
            if (published != null) {
                return Optional.of(setting(SESSION_KEY) + " is " + published + ", which anyone can read: set it to " + value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> baseUrlProblem(Optional<String> baseUrl) {
        String todo = ": set it to the address users reach the site at (for example https://atrium.example.org),"
                + " which the links in account emails are made from.";
        if (baseUrl.isEmpty()) {
            return Optional.of(setting(BASE_URL) + " is not set" + todo);
        }
        if (isLocal(baseUrl.get())) {
            return Optional.of(setting(BASE_URL) + " is " + baseUrl.get() + ", which only this machine reaches" + todo);
        }
        return Optional.empty();
    }

    /** A loopback or unspecified address, or a localhost name: a link nobody else can follow. */
    static boolean isLocal(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false; // malformed: SettingBounds says so, in the same message
        }
        if (host == null) {
            return false; // malformed, as above
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            return host.startsWith("127.") || host.equals("0.0.0.0");
        }
        if (host.startsWith("[")) {
            try {
                // a bracketed IPv6 literal is parsed, never looked up; a name never gets here
                InetAddress address = InetAddress.getByName(host);
                return address.isLoopbackAddress() || address.isAnyLocalAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** A setting as operators meet it: its key and its environment variable. */
    static String setting(String key) {
        return key + " (" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")";
    }

    private static String message(List<String> problems) {
        StringBuilder message = new StringBuilder("Atrium refuses to start with these settings:");
        problems.forEach(problem -> message.append(System.lineSeparator()).append(" - ").append(problem));
        return message.toString();
    }
}
