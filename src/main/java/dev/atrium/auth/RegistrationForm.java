package dev.atrium.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.atrium.web.EmailAddress;
import dev.atrium.web.FormErrors;
import dev.atrium.web.Violations;

/**
 * What the registration form sends, and its checks: the constraints here, the password by the configured
 * {@link PasswordPolicy}. The email address and username are checked without the spaces around them (the
 * account stores them normalised); the password is never sent back to the page.
 */
record RegistrationForm(
        @EmailAddress(message = "auth:error_email") String email,
        @NotNull(message = "auth:error_username") @Pattern(regexp = USERNAME, message = "auth:error_username") String username,
        String password) {

    static final String USERNAME = "[A-Za-z0-9._-]{3,32}";

    RegistrationForm {
        email = email == null ? null : email.trim();
        username = username == null ? null : username.trim();
    }

    FormErrors validate(Violations violations, PasswordPolicy policy, AuthMessages messages) {
        FormErrors errors = violations.of(this);
        policy.check(password).ifPresent(problem -> errors.add("password", PasswordMessages.of(problem, messages)));
        return errors;
    }
}
