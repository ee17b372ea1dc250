package dev.atrium.auth;

import java.util.regex.Pattern;

import dev.atrium.web.FormErrors;

/** What the registration form sends, and its checks. The password is never sent back to the page. */
record RegistrationForm(String email, String username, String password) {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");

    FormErrors validate(PasswordPolicy policy, AuthMessages messages) {
        FormErrors errors = FormErrors.none();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
            errors.add("email", messages.error_email());
        }
        if (username == null || !USERNAME.matcher(username.trim()).matches()) {
            errors.add("username", messages.error_username());
        }
        policy.check(password).ifPresent(problem -> errors.add("password", PasswordMessages.of(problem, messages)));
        return errors;
    }
}
