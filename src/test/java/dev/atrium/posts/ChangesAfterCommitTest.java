package dev.atrium.posts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.comments.CommentService;
import dev.atrium.testing.BrowserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A change is on the next anonymous page as soon as it is committed, even when an anonymous reader came in the
 * window between the change and its commit: that reader's page, rendered from what the database still showed,
 * is held, and must not outlive the commit. Emptying the caches when the change was made, before its commit
 * ({@code @CacheInvalidateAll}), left such a page held for the cache's whole expiry (the index test fails so).
 */
@QuarkusTest
class ChangesAfterCommitTest {

    @Inject
    PostService posts;
    @Inject
    CommentService comments;
    @Inject
    AccountFixtures fixtures;

    private long author() {
        return fixtures.idOf(fixtures.signIn(new BrowserSession(), Role.USER, true));
    }

    @Test
    void aNewPostIsOnTheIndexRightAfterItsCommit() {
        long author = author();
        // committed: nothing is held now, so the reader in the window renders the page
        posts.create(author, "Before " + AccountFixtures.unique("t"), "Body.");
        String title = "Window " + AccountFixtures.unique("t");

        QuarkusTransaction.requiringNew().run(() -> {
            posts.create(author, title, "Body.");
            new BrowserSession().get("/").then().statusCode(200).body(not(containsString(title)));
        });

        new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
        new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
    }

    @Test
    void anEditIsOnThePostsPageRightAfterItsCommit() {
        long author = author();
        String path = "/posts/" + posts.create(author, "Original " + AccountFixtures.unique("t"), "Body.").id();
        long id = Long.parseLong(path.substring("/posts/".length()));
        String edited = "Edited " + AccountFixtures.unique("t");

        QuarkusTransaction.requiringNew().run(() -> {
            posts.update(id, edited, "Changed.");
            new BrowserSession().get(path).then().statusCode(200).body(containsString("Original "), not(containsString(edited)));
        });

        new BrowserSession().get(path).then().statusCode(200).body(containsString(edited), not(containsString("Original ")));
        new BrowserSession().get(path).then().statusCode(200).body(containsString(edited));
    }

    @Test
    void aCommentIsOnThePostsPageAndTheIndexRightAfterItsCommit() {
        long author = author();
        String title = "Quiet " + AccountFixtures.unique("t");
        long id = posts.create(author, title, "Body.").id();
        String path = "/posts/" + id;
        String text = "Window comment " + AccountFixtures.unique("c");
        String counted = "href=\"" + path + "#comments\">";

        QuarkusTransaction.requiringNew().run(() -> {
            comments.add(id, author, text);
            new BrowserSession().get(path).then().statusCode(200).body(not(containsString(text)), containsString("No comments yet."));
            new BrowserSession().get("/").then().statusCode(200).body(containsString(counted + "0 comments<"));
        });

        new BrowserSession().get(path).then().statusCode(200).body(containsString(text));
        new BrowserSession().get(path).then().statusCode(200).body(containsString(text));
        new BrowserSession().get("/").then().statusCode(200).body(containsString(counted + "1 comment<"));
    }

    @Test
    void aDeletedPostLeavesTheIndexRightAfterItsCommit() {
        long author = author();
        String title = "Doomed " + AccountFixtures.unique("t");
        long id = posts.create(author, title, "Body.").id();

        QuarkusTransaction.requiringNew().run(() -> {
            posts.delete(id);
            new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
        });

        new BrowserSession().get("/").then().statusCode(200).body(not(containsString(title)));
        new BrowserSession().get("/posts/" + id).then().statusCode(404);
    }
}
