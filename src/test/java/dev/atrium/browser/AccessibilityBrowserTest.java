package dev.atrium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.Axe;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.HeadlessChromium;
import dev.atrium.testing.FollowedAccount;
import dev.atrium.testing.PostFixtures;
import dev.atrium.testing.SitePages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.atrium.testing.Slow;

/**
 * Every page as a browser shows it, checked with axe-core: signed out and signed in, in both languages, and
 * the forms with their errors showing. Zero violations of any rule axe runs by default. Skipped, saying so,
 * where Chromium and chromedriver are not installed.
 */
@Slow
@QuarkusTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountFixtures fixtures;

    /** Where to keep a PNG of every page checked, to look at them: -Dtest.browser.screenshots=DIR (off by default). */
    private static final String SCREENSHOTS = System.getProperty("test.browser.screenshots");

    private WebDriver driver;
    private final Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "zh-CN" })
    void everyPageHasNoAxeViolationsSignedOutAndSignedIn(String language) {
        driver = HeadlessChromium.start(language);
        BrowserSession setUp = new BrowserSession();
        String admin = fixtures.signIn(setUp, Role.ADMINISTRATOR, true);
        String location = setUp.submit("/posts/new", "/posts", Map.of("title", "Checked " + AccountFixtures.unique("a"),
                "body", "Some *text*, [a link](https://example.org) and a list:\n\n- one\n- two")).header("Location");
        long postId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PostFixtures.discuss(setUp, "/posts/" + postId);
        String other = FollowedAccount.create(fixtures, setUp, language);

        for (String path : SitePages.signedOut(postId, admin)) {
            check("signed out " + path, path);
        }
        open("/login");
        submit("/login");
        checkShown("signed out, login refused");
        open("/register");
        submit("/register");
        checkShown("signed out, registration refused");

        open("/login");
        driver.findElement(By.id("login")).sendKeys(admin);
        driver.findElement(By.id("password")).sendKeys(AccountFixtures.PASSWORD);
        submit("/login");
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.who")));
        for (String path : SitePages.signedIn(postId, admin, other)) {
            check("signed in " + path, path);
        }
        open("/posts/new");
        submit("/posts");
        checkShown("signed in, an empty post refused");
        open("/posts/" + postId);
        submit("/posts/" + postId + "/comments");
        checkShown("signed in, an empty comment refused");
        open("/settings");
        submit("/settings/password");
        checkShown("signed in, a password change refused");

        assertThat(found).withFailMessage(() -> "axe-core's findings in " + language + ":\n" + found.entrySet().stream()
                .map(entry -> entry.getKey() + ":\n    " + entry.getValue().stream().map(Object::toString)
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    private void keepScreenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of(SCREENSHOTS));
            String file = (driver.findElement(By.tagName("html")).getAttribute("lang") + " " + name)
                    .replaceAll("[^A-Za-z0-9-]+", "_") + ".png";
            Files.write(directory.resolve(file), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    private void submit(String action) {
        driver.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]")).click();
    }

    private void check(String name, String path) {
        open(path);
        checkShown(name);
    }

    private void checkShown(String name) {
        if (SCREENSHOTS != null) {
            keepScreenshot(name);
        }
        List<Axe.Violation> violations = Axe.check(driver);
        if (!violations.isEmpty()) {
            found.put(name + " (" + driver.getCurrentUrl() + ")", violations);
        }
    }
}
