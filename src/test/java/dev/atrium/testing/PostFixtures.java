package dev.atrium.testing;

import java.util.Map;

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
}
