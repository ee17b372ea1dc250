package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * {@link SessionCookies} builds Quarkus form authentication's internal {@link PersistentLoginManager} itself,
 * with positional arguments, several of one type. These fail loudly when a Quarkus upgrade changes that class
 * or what its mechanism passes it, rather than sessions quietly ending or never starting.
 */
@QuarkusTest
class SessionCookiesContractTest {

    private static final String SESSION = "atrium-session";

    @Inject
    SessionCookies sessions;
    @Inject
    SessionMechanism mechanism;
    @Inject
    AccountFixtures fixtures;

    @Test
    void theManagerIsTheOneQuarkusBuildsForItsOwnMechanism() throws ReflectiveOperationException {
        PersistentLoginManager quarkusOwn = QuarkusWrittenSessionRoute.quarkusOwnManager(mechanism);
        Field field = SessionCookies.class.getDeclaredField("manager");
        field.setAccessible(true);
        PersistentLoginManager ours = (PersistentLoginManager) field.get(sessions);

        Field[] settings = Arrays.stream(PersistentLoginManager.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.getName().equals("secureRandom"))
                .toArray(Field[]::new);
        assertThat(settings).extracting(Field::getName).as("what the manager is built from (Quarkus changed it: review SessionCookies)")
                .containsExactlyInAnyOrder("secretKey", "cookieName", "timeoutMillis", "newCookieIntervalMillis", "httpOnlyCookie",
                        "cookieSameSite", "cookiePath", "maxAgeSeconds", "cookieDomain");
        for (Field setting : settings) {
            setting.setAccessible(true);
            assertThat(setting.get(ours)).as(setting.getName()).isEqualTo(setting.get(quarkusOwn));
        }
        assertThat(PersistentLoginManager.class.getConstructor(String.class, String.class, long.class, long.class, boolean.class,
                String.class, String.class, long.class, String.class)).isNotNull();
    }

    @Test
    void aCookieQuarkusWritesIsReadBySessionCookiesAndViceVersa() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        Response login = browser.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD));
        Cookie ours = login.getDetailedCookie(SESSION);
        String start = login.getCookie(SessionCookies.START_COOKIE);

        // written by SessionCookies, read by Quarkus's mechanism
        signedIn(ours.getValue(), start).then().statusCode(200);

        // written by Quarkus (as when it renews a session), read by SessionCookies before authentication (the
        // lifetime filter), then by the mechanism
        Response written = new BrowserSession().request().queryParam("user", username).get(QuarkusWrittenSessionRoute.PATH);
        Cookie quarkus = written.getDetailedCookie(SESSION);
        assertThat(quarkus.getValue()).isNotBlank().isNotEqualTo(ours.getValue());
        signedIn(quarkus.getValue(), start).then().statusCode(200);
        // the same cookie either way, bar its value
        assertThat(attributes(ours)).isEqualTo(attributes(quarkus));

        // and a session cookie neither wrote is none
        signedIn("Zm9yZ2Vk", start).then().statusCode(302);
    }

    private static Response signedIn(String session, String start) {
        return new BrowserSession().request().redirects().follow(false).cookie(SESSION, session).cookie(SessionCookies.START_COOKIE, start)
                .get("/test-auth/comment");
    }

    private static String attributes(Cookie cookie) {
        return "path=" + cookie.getPath() + " domain=" + cookie.getDomain() + " httpOnly=" + cookie.isHttpOnly() + " secure="
                + cookie.isSecured() + " sameSite=" + cookie.getSameSite() + " maxAge=" + cookie.getMaxAge();
    }
}
