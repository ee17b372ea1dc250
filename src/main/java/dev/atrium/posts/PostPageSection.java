package dev.atrium.posts;

import java.util.Locale;

/**
 * What another feature shows on a post's page, below the post: the comments. Posts name no other feature,
 * so the feature that owns the section implements this and renders it from its own templates; the post's
 * page puts the HTML it returns in place. It is rendered in the request that renders the page, so it may
 * show what belongs to the reader (forms, their CSRF token); a page held for anonymous readers holds the
 * section as an anonymous reader saw it.
 */
public interface PostPageSection {

    /** The section's HTML for {@code post}, page {@code page} of its list, in {@code locale}. */
    String render(PostView post, int page, Locale locale);
}
