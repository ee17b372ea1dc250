package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.config.AtriumConfig;
import dev.atrium.testing.BrowserSession;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bcrypt reads 72 bytes of a password that may have 128 characters: passwords are pre-hashed so every
 * character counts, and hashes from before still log in, and are upgraded when they can be.
 */
@QuarkusTest
class PasswordHashingTest {

    /** 72 bytes exactly: all bcrypt ever read of a password before. */
    private static final String FIRST_72_BYTES = "the quick brown fox jumps over the lazy dog while the cat sleeps on 1234";
    /** 24 Chinese characters, 3 UTF-8 bytes each: 72 bytes again. */
    private static final String FIRST_72_BYTES_ZH = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏";

    @Inject
    AccountFixtures fixtures;
    @Inject
    AtriumConfig config;

    @Test
    void longPasswordsThatShareTheirFirst72BytesAreDifferentPasswords() {
        assertThat(FIRST_72_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(PasswordPolicy.BCRYPT_MAX_BYTES);
        assertThat(FIRST_72_BYTES_ZH.getBytes(StandardCharsets.UTF_8)).hasSize(PasswordPolicy.BCRYPT_MAX_BYTES);
        for (String[] pair : new String[][] { { FIRST_72_BYTES + " one", FIRST_72_BYTES + " two" },
                { FIRST_72_BYTES_ZH + "甲", FIRST_72_BYTES_ZH + "乙" } }) {
            String username = AccountFixtures.unique("long");
            post("/register", Map.of("email", username + "@example.org", "username", username, "password", pair[0]))
                    .then().statusCode(303);

            logIn(username, pair[1]).then().statusCode(400);
            logIn(username, pair[0]).then().statusCode(303);
        }
    }

    @Test
    void aPasswordOf128CharactersIsAccepted() {
        String password = "密码".repeat(64);
        String username = AccountFixtures.unique("max");
        post("/register", Map.of("email", username + "@example.org", "username", username, "password", password))
                .then().statusCode(303);
        logIn(username, password).then().statusCode(303);
        logIn(username, password.substring(0, 127) + "x").then().statusCode(400);
    }

    @Test
    void anOldHashStillLogsInAndIsUpgradedOnce() {
        String username = AccountFixtures.unique("old");
        fixtures.register(new BrowserSession(), username, username + "@example.org");
        String oldHash = BcryptUtil.bcryptHash(AccountFixtures.PASSWORD, 10);
        fixtures.storePasswordHash(username, oldHash);

        logIn(username, "not the password").then().statusCode(400);
        assertThat(fixtures.passwordHashOf(username)).as("a failed login changes nothing").isEqualTo(oldHash);

        logIn(username, AccountFixtures.PASSWORD).then().statusCode(303);
        String upgraded = fixtures.passwordHashOf(username);
        assertThat(upgraded).startsWith(PasswordPolicy.PREHASHED).isNotEqualTo(oldHash);

        logIn(username, AccountFixtures.PASSWORD).then().statusCode(303);
        logIn(username, "not the password").then().statusCode(400);
        assertThat(fixtures.passwordHashOf(username)).isEqualTo(upgraded);
    }

    @Test
    void aHashMadeAtALowerCostIsRemadeAtTheConfiguredCostAtTheNextLogin() {
        String username = AccountFixtures.unique("cheap");
        fixtures.register(new BrowserSession(), username, username + "@example.org");
        int configured = config.auth().bcryptCost();
        assertThat(PasswordPolicy.costOf(fixtures.passwordHashOf(username).substring(PasswordPolicy.PREHASHED.length())))
                .as("a new hash is made at the configured cost").isEqualTo(configured);
        String cheap = PasswordPolicy.PREHASHED + BcryptUtil.bcryptHash(PasswordPolicy.prehash(AccountFixtures.PASSWORD), 4);
        fixtures.storePasswordHash(username, cheap);

        logIn(username, "not the password").then().statusCode(400);
        assertThat(fixtures.passwordHashOf(username)).as("a failed login changes nothing").isEqualTo(cheap);

        logIn(username, AccountFixtures.PASSWORD).then().statusCode(303);
        String remade = fixtures.passwordHashOf(username);
        assertThat(PasswordPolicy.costOf(remade.substring(PasswordPolicy.PREHASHED.length()))).isEqualTo(configured);
        logIn(username, AccountFixtures.PASSWORD).then().statusCode(303);
        assertThat(fixtures.passwordHashOf(username)).as("remade once").isEqualTo(remade);
    }

    @Test
    void aHashsCostIsReadFromIt() {
        assertThat(PasswordPolicy.costOf("$2a$12$abcdefghijklmnopqrstuv")).isEqualTo(12);
        assertThat(PasswordPolicy.costOf("$2a$xx$abc")).isZero();
        assertThat(PasswordPolicy.costOf("garbage")).isZero();
    }

    @Test
    void anOldHashOfALongPasswordStillLogsInAndIsKept() {
        // bcrypt read only its first 72 bytes, so the password typed may not be the one chosen: keep the old hash
        String username = AccountFixtures.unique("oldlong");
        fixtures.register(new BrowserSession(), username, username + "@example.org");
        String oldHash = BcryptUtil.bcryptHash(FIRST_72_BYTES + " chosen", 10);
        fixtures.storePasswordHash(username, oldHash);

        logIn(username, FIRST_72_BYTES + " chosen").then().statusCode(303);
        assertThat(fixtures.passwordHashOf(username)).isEqualTo(oldHash);
    }

    private static io.restassured.response.Response logIn(String username, String password) {
        return post("/login", Map.of("login", username, "password", password));
    }

    /**
     * The form as a browser sends it: in UTF-8 (RestAssured's default, ISO-8859-1, would turn every Chinese
     * character into the same '?'), and from an address of this test's own, so that other tests' failed logins
     * do not throttle it.
     */
    private static io.restassured.response.Response post(String path, Map<String, String> fields) {
        BrowserSession browser = new BrowserSession();
        String token = BrowserSession.csrfToken(browser.get(path).asString());
        return browser.request().header("X-Forwarded-For", "198.51.100.72")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields).formParam("csrf-token", token).post(path);
    }
}
