package dev.atrium.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Atrium's own settings. Every value can be overridden by an environment variable
 * ({@code atrium.site.name} is {@code ATRIUM_SITE_NAME}). What each must be (a number's range, a duration's
 * least, a text's form) is in {@link SettingBounds}, checked at start, so a bad value stops start-up with a
 * message naming the setting.
 * <p>
 * Their values, defaults included, are in {@code application.yaml} and nowhere else: no {@code @WithDefault}
 * here ({@code ConfigDefaultsTest}), so a default is never written twice and never drifts. A setting without a
 * value there fails start-up, naming it. Settings the packaged application must not start without are
 * {@link SettingsCheck}'s to refuse.
 */
@ConfigMapping(prefix = "atrium")
public interface AtriumConfig {

    Site site();

    Web web();

    Health health();

    Auth auth();

    Analytics analytics();

    Caches caches();

    interface Site {
        /** Shown in the page title, the navigation bar and the footer. */
        String name();

        /**
         * The address the site is reached at, for links in emails and the origin forms may come from. Set in dev
         * and test; in production the operator's to set ({@link SettingsCheck} refuses to start without it).
         */
        @WithName("base-url")
        Optional<String> configuredBaseUrl();

        /** {@link #configuredBaseUrl()}, which is there whenever the application runs ({@link SettingsCheck}). */
        default String baseUrl() {
            return configuredBaseUrl().orElseThrow(() -> new IllegalStateException(SettingsCheck.BASE_URL + " is not set"));
        }
    }

    interface Web {
        /** Name of the cookie that remembers a visitor's language choice. */
        String languageCookie();

        /** How long the language cookie lives. */
        Duration languageCookieMaxAge();

        /**
         * Where pages load the fingerprinted static files from ({@code /assets/{hash}/{name}}): empty for this
         * site itself, or a CDN whose origin is this site, as an absolute http(s) URL without a trailing
         * slash ({@code https://cdn.example.org} or {@code https://cdn.example.org/atrium}). Its origin is
         * added to the Content-Security-Policy's script-src and style-src.
         */
        Optional<String> assetBaseUrl();

        /**
         * Send {@code Strict-Transport-Security: max-age=31536000; includeSubDomains} with responses to HTTPS
         * requests (directly, or through a trusted proxy's {@code X-Forwarded-Proto}). On in prod.
         */
        boolean hsts();

        /** The Content-Security-Policy sent with every HTML page. */
        String contentSecurityPolicy();
    }

    interface Auth {
        /** The account registered with this email address becomes Administrator. */
        Optional<String> adminEmail();

        /** How long a registration's email confirmation link stays valid. */
        Duration confirmationTtl();

        /**
         * How long a link that moves an account to a new address stays valid: hours, not days, since whoever
         * holds it (and the account's session) takes the account's mail, and with it password resets.
         */
        Duration emailChangeTtl();

        /** How long a password reset link stays valid. */
        Duration resetTtl();

        /**
         * bcrypt's cost for new password hashes: each step doubles what every login, every wrong guess and every
         * current-password check costs this server, and what a stolen hash costs to crack. 10 is OWASP's minimum
         * and the measured choice (README, "Passwords"). A hash keeps the cost it was made with; one made at a
         * lower cost is remade at this one at its next login.
         */
        int bcryptCost();

        /** Dev only: an administrator account created at start, with its password in the log. */
        boolean seedAdmin();

        /** The longest a session lasts from its login, however active; the idle timeout is quarkus.http.auth.form.timeout. */
        Duration sessionLifetime();

        /**
         * Failed password checks (logins, the current password in settings) for one account from one client
         * address within {@code login-window} before that address gets 429 for that account.
         */
        int loginAttemptsPerAccountAndAddress();

        /**
         * Failed password checks for one account from all addresses together within {@code login-window}: looser
         * than the limit per address, so that a stranger's few failures do not lock the owner out.
         */
        int loginAttemptsPerAccount();

        /** Failed password checks from one client address, whatever the account, within {@code login-window}. */
        int loginAttemptsPerAddress();

        /** The window failed password checks are counted in. */
        Duration loginWindow();

        /**
         * Account emails (registration, confirmation, password reset, email change) to one address, and those a
         * signed-in account asks for, within {@code mail-window}; then 429.
         */
        int mailsPerRecipient();

        /** Account emails asked for from one client address, whatever the recipient, within {@code mail-window}. */
        int mailsPerAddress();

        /** The window account emails are counted in. */
        Duration mailWindow();

        /** Mark session cookies Secure (HTTPS only). On in prod; the load balancer terminates TLS. */
        boolean secureCookies();
    }

    interface Analytics {
        /** Page views waiting to be written; when full, new views are dropped (and counted), never waited for. */
        int bufferSize();

        /** The most views written in one batch. */
        int batchSize();

        /** How often buffered views are written. */
        Duration flushInterval();

        /** How long single page views are kept before they are rolled up into daily totals and deleted. */
        Duration rawRetention();

        /** How often each replica looks for days to roll up (read by {@code AnalyticsRollup}'s schedule). */
        Duration rollupInterval();

        /** How long after start the first roll-up waits, so it does not add to the start's own work. */
        Duration rollupDelay();
    }

    /**
     * Caches whose values a visitor's text makes large: bounded by the bytes they hold (cache/ByteBoundedCache),
     * which must fit the heap beside everything else (64 MB in the native container).
     */
    interface Caches {
        /** What the pages held for anonymous readers (cache/HeldPages) may weigh together; a page over an eighth of it is not held. */
        MemorySize heldPagesSize();

        /**
         * The longest a page is held: a change committed on another replica is not heard of here, so this is how
         * stale another replica's copy can be.
         */
        Duration heldPagesTtl();

        /** What the rendered HTML of posts (PostService) may weigh together; a post over an eighth of it is rendered each time. */
        MemorySize postHtmlSize();
    }

    interface Health {
        /** How long the event loops may take to run a probe task before liveness reports DOWN. */
        Duration eventLoopTimeout();
    }
}
