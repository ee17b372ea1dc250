package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.NuHtmlChecker;
import dev.atrium.testing.FollowedAccount;
import dev.atrium.testing.PostFixtures;
import dev.atrium.testing.SitePages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import dev.atrium.testing.Slow;

/**
 * Every page, signed out and signed in, in both languages, is conforming HTML by the Nu HTML checker: no
 * error and no warning. The pages a form's bad input shows are checked too, since they carry the most markup
 * (field errors tied to their fields).
 */
@Slow
@QuarkusTest
class HtmlConformanceTest {

    private static final Pattern CHANGE_LINK = Pattern.compile("http://localhost:8080(/settings/email/[A-Za-z0-9_.-]+)");

    @Inject
    AccountFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void everyPageIsConformingHtmlSignedOutAndSignedIn(String language) {
        BrowserSession admin = new BrowserSession(language);
        String author = fixtures.signIn(admin, Role.ADMINISTRATOR, true);
        long postId = publish(admin, "Checked *markup*\n\n- a list\n- [a link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        PostFixtures.discuss(admin, "/posts/" + postId);
        String other = FollowedAccount.create(fixtures, admin, language);
        admin.submit("/settings", "/settings/tokens", Map.of("name", "checked", "scope", "read", "expiry", "30",
                "currentPassword", AccountFixtures.PASSWORD)).then().statusCode(200);

        Map<String, Response> pages = new LinkedHashMap<>();
        BrowserSession visitor = new BrowserSession(language);
        for (String path : SitePages.signedOut(postId, author)) {
            pages.put("signed out " + path, visitor.get(path));
        }
        String confirm = confirmationPath();
        pages.put("signed out, a confirmation link", visitor.get(confirm));
        pages.put("signed out, confirmed", visitor.submit(confirm, confirm, Map.of()));
        String email = AccountFixtures.unique("r") + "@example.org";
        fixtures.register(new BrowserSession(), AccountFixtures.unique("r"), email);
        String reset = fixtures.resetPath(email);
        pages.put("signed out, a reset link", visitor.get(reset));
        pages.put("signed out, password reset", visitor.submit(reset, reset, Map.of("newPassword", "a brand new passphrase")));
        for (String path : SitePages.signedIn(postId, author, other)) {
            pages.put("signed in " + path, admin.get(path));
        }
        pages.put("signed in, a comment refused", admin.submit("/posts/" + postId, "/posts/" + postId + "/comments", Map.of("body", "")));
        pages.put("signed in, a new API token", admin.submit("/settings", "/settings/tokens", Map.of("name", "shown",
                "scope", "write", "expiry", "none", "currentPassword", AccountFixtures.PASSWORD)));
        String newEmail = AccountFixtures.unique("n") + "@example.net";
        admin.submit("/settings", "/settings/email", Map.of("newEmail", newEmail, "currentPassword", AccountFixtures.PASSWORD))
                .then().statusCode(303);
        Matcher link = CHANGE_LINK.matcher(fixtures.awaitMail(newEmail, Duration.ofSeconds(10)).getText());
        assertThat(link.find()).as("a link in the mail to the new address").isTrue();
        pages.put("signed in, an email change link", admin.get(link.group(1)));
        pages.put("unconfirmed account", fixtures.signedIn(Role.USER, false).get("/unconfirmed"));

        assertConforming(pages);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void everyFormsErrorsAreConformingHtml(String language) {
        assertConforming(FormsWithErrors.submit(fixtures, language));
    }

    private long publish(BrowserSession writer, String body) {
        String location = writer.submit("/posts/new", "/posts", Map.of("title", "A post " + AccountFixtures.unique("t"),
                "body", body)).then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String confirmationPath() {
        String username = AccountFixtures.unique("c");
        fixtures.register(new BrowserSession(), username, username + "@example.org");
        return fixtures.confirmationPath(username + "@example.org");
    }

    private static void assertConforming(Map<String, Response> pages) {
        Map<String, List<NuHtmlChecker.Finding>> findings = new LinkedHashMap<>();
        pages.forEach((name, response) -> {
            assertThat(response.contentType()).as(name).startsWith("text/html");
            List<NuHtmlChecker.Finding> found = NuHtmlChecker.check(response.asString());
            if (!found.isEmpty()) {
                findings.put(name + " (" + response.statusCode() + ")", found);
            }
        });
        assertThat(findings).withFailMessage(() -> "The Nu HTML checker's findings:\n" + findings.entrySet().stream()
                .map(entry -> entry.getKey() + ":\n  " + entry.getValue().stream().map(Object::toString)
                        .collect(Collectors.joining("\n  ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
