package dev.atrium.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/** Posts made as a writer makes them: through the form. */
public final class PostFixtures {

    private PostFixtures() {
    }

    /** Publishes a post through the new-post form; answers its path ({@code /posts/<id>}). */
    public static String publish(BrowserSession writer, String title) {
        return publish(writer, title, "Text.");
    }

    /** As {@link #publish(BrowserSession, String)}, with this Markdown as its body. */
    public static String publish(BrowserSession writer, String title, String body) {
        Response created = writer.submit("/posts/new", "/posts", Map.of("title", title, "body", body));
        created.then().statusCode(303);
        String location = created.header("Location");
        return location.substring(location.indexOf("/posts/"));
    }

    /**
     * Gives a post comments as the pages show them: one shown, one hidden by {@code moderator} (who may
     * moderate and comment: an administrator), so a page of the post has every state of a comment on it.
     */
    public static void discuss(BrowserSession moderator, String postPath) {
        moderator.submit(postPath, postPath + "/comments", Map.of("body", "A *comment*, with [a link](https://example.org).")).then()
                .statusCode(303);
        Response hidden = moderator.submit(postPath, postPath + "/comments", Map.of("body", "A comment to hide."));
        hidden.then().statusCode(303);
        Matcher id = Pattern.compile("#comment-(\\d+)$").matcher(hidden.header("Location"));
        if (!id.find()) {
            throw new AssertionError("no comment in " + hidden.header("Location"));
        }
        moderator.submit(postPath, "/moderate/comments/" + id.group(1) + "/hide", Map.of("next", postPath)).then().statusCode(303);
    }
}
