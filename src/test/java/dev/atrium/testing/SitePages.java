package dev.atrium.testing;

import java.util.List;

/**
 * Every page of the site that a GET shows, as the conformance and accessibility tests visit them: what
 * anyone sees, and what a signed-in administrator sees (the widest view: every action and the
 * administration). Pages that only a form's bad input shows are submitted by each test itself.
 */
public final class SitePages {

    private SitePages() {
    }

    /** The pages anyone sees, given a post (with comments: see PostFixtures.discuss) and its author. */
    public static List<String> signedOut(long postId, String author) {
        return List.of("/", "/?page=1", "/about", "/login", "/register", "/register/sent", "/reset", "/reset?sent=true",
                "/posts/" + postId, "/users/" + author,
                "/confirm/not-a-token", "/reset/not-a-token", "/no-such-page");
    }

    /** The pages a signed-in administrator sees, given a post of theirs. */
    public static List<String> signedIn(long postId, String author) {
        return List.of("/", "/about", "/settings", "/settings?done=email-sent", "/posts/new",
                "/posts/" + postId, "/posts/" + postId + "/edit", "/posts/" + postId + "/delete", "/users/" + author,
                "/settings/email/not-a-token",
                "/admin/users", "/admin/users?q=" + author, "/admin/audit", "/admin/analytics", "/admin/system",
                "/moderate", "/moderate?page=1",
                "/no-such-page");
    }
}
