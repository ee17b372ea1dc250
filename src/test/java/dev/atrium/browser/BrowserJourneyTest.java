package dev.atrium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.HeadlessChromium;
import dev.atrium.testing.PostFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.atrium.testing.Slow;

/**
 * A person's first visit, end to end in a real browser: register, confirm from the (mock) mailbox, log in,
 * write a post, find it on the index, switch to Chinese, log out. Runs in Debian's headless Chromium
 * through its chromedriver; where they are not installed the test is skipped and says so. And the community:
 * a reader follows an author, finds the post on the following tab, comments, and a moderator hides the comment.
 */
@Slow
@QuarkusTest
class BrowserJourneyTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountFixtures fixtures;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = HeadlessChromium.start("en-US");
        // While a page is being replaced chromedriver can answer a query about the old document with a generic
        // "unknown error" (Node ... does not belong to the document) instead of a stale-element error; every
        // wait here re-finds its element by locator, so such an answer only means "not yet" and is retried.
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(WebDriverException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(String formAction) {
        driver.findElement(By.cssSelector("form[action='" + formAction + "'] button[type=submit]")).click();
    }

    /** Signs in through the login form as an account made by the fixtures (whose password is theirs). */
    private void logIn(String username) {
        open("/login");
        type("login", username);
        type("password", AccountFixtures.PASSWORD);
        submit("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.who")));
    }

    private void logOut() {
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.account a[href='/login']")));
    }

    @Test
    void aReaderFollowsReadsTheFeedAndCommentsAndAModeratorHidesTheComment() {
        BrowserSession authorSession = new BrowserSession();
        String author = fixtures.signIn(authorSession, Role.USER, true);
        String title = "Worth following " + author;
        String post = PostFixtures.publish(authorSession, title, "A post to *discuss*.");
        String reader = fixtures.signIn(new BrowserSession(), Role.USER, true);
        String moderator = fixtures.signIn(new BrowserSession(), Role.MODERATOR, true);
        String comment = "Well said, " + author + ".";

        logIn(reader);
        open("/users/" + author);
        submit("/users/" + author + "/follow");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/users/" + author + "/unfollow']")));
        open("/?feed=following");
        assertThat(driver.findElement(By.cssSelector("nav.tabs a[aria-current='page']")).getAttribute("href")).endsWith("feed=following");
        driver.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.urlMatches(".*" + post + "$"));
        type("comment-body", comment);
        submit(post + "/comments");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".comment-list .comment-body"), comment));
        logOut();

        logIn(moderator);
        open(post);
        driver.findElement(By.cssSelector(".comment-list form[action$='/hide'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".comment-list .comment-hidden .flag")));
        assertThat(driver.findElement(By.cssSelector(".comment-list .comment-body")).getText())
                .as("a moderator still sees the hidden text").contains(comment);
        logOut();

        open(post);
        assertThat(driver.findElement(By.cssSelector(".comment-list .hidden-note")).getText())
                .isEqualTo("This comment has been hidden by a moderator");
        assertThat(driver.findElement(By.cssSelector(".comment-list")).getText()).doesNotContain(comment);
    }

    @Test
    void registerConfirmLogInWriteSwitchLanguageAndLogOut() {
        String username = AccountFixtures.unique("b");
        String email = username + "@example.org";
        String title = "Hello from a browser " + username;

        open("/register");
        type("email", email);
        type("username", username);
        type("password", AccountFixtures.PASSWORD);
        submit("/register");
        wait.until(ExpectedConditions.urlContains("/register/sent"));

        String confirmPath = fixtures.confirmationPath(email);
        open(confirmPath);
        submit(confirmPath);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Address confirmed"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("your email address is confirmed");

        open("/login");
        type("login", username);
        type("password", AccountFixtures.PASSWORD);
        submit("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.who")));
        assertThat(driver.findElement(By.cssSelector("a.who")).getText()).contains(username);

        open("/posts/new");
        type("title", title);
        type("body", "Written in **Chromium**, with <script>alert(1)</script> left inert.");
        submit("/posts");
        wait.until(ExpectedConditions.urlMatches(".*/posts/\\d+$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector(".post-body strong")).getText()).isEqualTo("Chromium");
        assertThat(driver.findElements(By.cssSelector(".post-body script"))).as("the script tag was sanitised away").isEmpty();

        open("/");
        assertThat(driver.findElement(By.linkText(title)).getAttribute("href")).matches(".*/posts/\\d+$");

        driver.findElement(By.cssSelector("nav.languages a[lang='zh-CN']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(driver.findElement(By.cssSelector("nav.nav")).getText()).contains("首页");
        assertThat(driver.findElement(By.linkText(title)).isDisplayed()).isTrue();

        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.account a[href='/login']")));
        assertThat(driver.findElements(By.cssSelector("a.who"))).isEmpty();
        open("/settings");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("the language choice outlives the session")
                .isEqualTo("zh-CN");
    }
}
