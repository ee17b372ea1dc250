package dev.atrium.auth;

import dev.atrium.web.EmailAddress;

/** The new address the email-change form sends, checked without the spaces around it, as at registration. */
record EmailChangeForm(@EmailAddress(message = "auth:error_email") String newEmail) {

    EmailChangeForm {
        newEmail = newEmail == null ? null : newEmail.trim();
    }
}
