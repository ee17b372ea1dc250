package dev.atrium.comments;

import dev.atrium.web.FormErrors;

/** The check of a comment: 1 to 2,000 characters, not only spaces. */
public final class CommentForm {

    private CommentForm() {
    }

    public static FormErrors validate(String body, CommentMessages messages) {
        FormErrors errors = FormErrors.none();
        if (body == null || body.isBlank() || body.length() > Comment.BODY_MAX) {
            errors.add("body", messages.error_body());
        }
        return errors;
    }
}
