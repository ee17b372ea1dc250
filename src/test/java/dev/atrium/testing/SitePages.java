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
                "/posts/" + postId, "/users/" + author, "/users/" + author + "/followers", "/users/" + author + "/following",
                "/confirm/not-a-token", "/reset/not-a-token", "/no-such-page");
    }

    /** The pages a signed-in administrator sees, given a post of theirs. */
    public static List<String> signedIn(long postId, String author) {
        return List.of("/", "/?feed=following", "/?feed=all", "/about", "/settings", "/settings?done=email-sent",
                "/settings/profile", "/settings/profile?done=saved", "/posts/new",
                "/posts/" + postId, "/posts/" + postId + "/edit", "/posts/" + postId + "/delete", "/users/" + author,
                "/users/" + author + "/followers", "/users/" + author + "/following",
                "/settings/email/not-a-token",
                "/admin/users", "/admin/users?q=" + author, "/admin/users/" + author + "/edit", "/admin/audit",
                "/admin/analytics", "/admin/system", "/moderate", "/moderate?page=1",
                "/no-such-page");
    }

    /**
     * As {@link #signedIn(long, String)}, with another account's profile as the administrator sees it (the
     * follow button, the administrator's edit link) and that account's edit page; the administrator should
     * follow it, so the lists and the following tab are not empty.
     */
    public static List<String> signedIn(long postId, String author, String other) {
        List<String> pages = new java.util.ArrayList<>(signedIn(postId, author));
        pages.addAll(List.of("/users/" + other, "/users/" + other + "/followers", "/admin/users/" + other + "/edit"));
        return pages;
    }
}
