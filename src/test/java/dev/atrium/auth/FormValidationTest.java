package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.comments.CommentForm;
import dev.atrium.comments.CommentMessages;
import dev.atrium.posts.PostForm;
import dev.atrium.posts.PostMessages;
import dev.atrium.social.ProfileForm;
import dev.atrium.social.SocialMessages;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The forms' constraints (see {@code Violations}): a refused form speaks the page's language, and the email
 * address's limit of 254 characters is written once and holds on every form that takes an address.
 */
@QuarkusTest
class FormValidationTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void aRefusedRegistrationSaysWhyInChineseWithTheInputKept() {
        new BrowserSession("zh-CN").submit("/register", "/register",
                Map.of("email", "not-an-address", "username", "a b", "password", "short"))
                .then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"email-error\">请输入有效的邮箱地址。</p>"),
                        containsString("<p class=\"field-error\" id=\"username-error\">请使用 3 到 32 个字母"),
                        containsString("value=\"not-an-address\""), containsString("aria-describedby=\"email-error\""),
                        not(containsString("Enter a valid email address.")));
    }

    @Test
    void aRefusedPostSaysWhyInChinese() {
        BrowserSession browser = new BrowserSession("zh-CN");
        fixtures.signIn(browser, Role.USER, true);
        browser.submit("/posts/new", "/posts", Map.of("title", "   ", "body", "kept text"))
                .then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"title-error\">请填写标题，最多 200 个字符。</p>"),
                        containsString("kept text"), not(containsString("body-error")));
    }

    @Test
    void anAddressOf254CharactersRegistersAndOneOf255IsRefused() {
        String longest = address(AccountFixtures.unique("a"), 254);
        assertThat(longest).hasSize(254);
        BrowserSession browser = new BrowserSession();
        browser.submit("/register", "/register", Map.of("email", longest, "username", AccountFixtures.unique("l"),
                "password", AccountFixtures.PASSWORD)).then().statusCode(303).header("Location", endsWith("/register/sent"));

        String tooLong = address(AccountFixtures.unique("b"), 255);
        browser.submit("/register", "/register", Map.of("email", tooLong, "username", AccountFixtures.unique("l"),
                "password", AccountFixtures.PASSWORD)).then().statusCode(400)
                .body(containsString("id=\"email-error\">Enter a valid email address."), containsString("maxlength=\"254\""));
    }

    @Test
    void theEmailChangeFormHasTheSameLimit() {
        BrowserSession browser = new BrowserSession();
        fixtures.signIn(browser, Role.USER, true);
        String tooLong = address(AccountFixtures.unique("c"), 255);
        browser.submit("/settings", "/settings/email", Map.of("newEmail", tooLong, "currentPassword", AccountFixtures.PASSWORD))
                .then().statusCode(400)
                .body(containsString("id=\"newEmail-error\">Enter a valid email address."),
                        // shown back cut to the limit
                        containsString("value=\"" + tooLong.substring(0, 254) + "\""));
        browser.submit("/settings", "/settings/email",
                Map.of("newEmail", address(AccountFixtures.unique("d"), 254), "currentPassword", AccountFixtures.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/settings?done=email-sent"));
    }

    /** The limit is a constant of EmailAddress: no other source or template writes the number. */
    @Test
    void theLimitIsWrittenOnce() throws IOException {
        Pattern number = Pattern.compile("\\b254\\b");
        List<Path> writers;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/templates")))) {
            writers = files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return number.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(writers).containsExactly(Path.of("src/main/java/dev/atrium/web/EmailAddress.java"));
    }

    /**
     * Every constraint's message is a key of a message bundle with a text in English and in Chinese: a key
     * mistyped would otherwise surface only when a visitor's input breaks that constraint.
     */
    @Test
    void everyConstraintMessageIsSaidInBothLanguages() throws Exception {
        Map<String, Class<?>> bundles = Map.of("auth", AuthMessages.class, "posts", PostMessages.class,
                "comments", CommentMessages.class, "social", SocialMessages.class);
        List<String> keys = new ArrayList<>();
        for (Class<?> form : List.of(RegistrationForm.class, EmailChangeForm.class, PostForm.class, CommentForm.class, ProfileForm.class)) {
            for (Field field : form.getDeclaredFields()) {
                for (Annotation constraint : field.getAnnotations()) {
                    if (!constraint.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class)) {
                        continue;
                    }
                    Method message = constraint.annotationType().getMethod("message");
                    keys.add((String) message.invoke(constraint));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(10);
        for (String key : keys) {
            String[] parts = key.split(":");
            assertThat(parts).as(key).hasSize(2);
            assertThat(bundles).as(key).containsKey(parts[0]);
            assertThat(bundles.get(parts[0]).getMethod(parts[1]).getReturnType()).as(key).isEqualTo(String.class);
            Properties chinese = new Properties();
            try (var in = getClass().getResourceAsStream("/messages/" + parts[0] + "_zh_CN.properties")) {
                chinese.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(chinese.getProperty(parts[1])).as(key).isNotBlank();
        }
    }

    /** A valid address of exactly {@code length} characters: a 64-character local part and dotted labels. */
    private static String address(String unique, int length) {
        String local = (unique + "x".repeat(64)).substring(0, 64);
        int domain = length - 65;
        String labels = ("d".repeat(60) + ".").repeat(4);
        return local + "@" + labels.substring(0, domain - 4) + ".org";
    }
}
