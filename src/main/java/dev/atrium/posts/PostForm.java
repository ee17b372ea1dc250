package dev.atrium.posts;

import dev.atrium.web.FormErrors;

/** The checks of the post editor: a title of 1 to 200 characters and a body of 1 to 100,000. */
public final class PostForm {

    private PostForm() {
    }

    public static FormErrors validate(String title, String body, PostMessages messages) {
        FormErrors errors = FormErrors.none();
        if (title == null || title.isBlank() || title.strip().length() > Post.TITLE_MAX) {
            errors.add("title", messages.error_title());
        }
        if (body == null || body.isBlank() || body.length() > Post.BODY_MAX) {
            errors.add("body", messages.error_body());
        }
        return errors;
    }
}
